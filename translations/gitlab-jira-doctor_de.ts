<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>cli</name>
    <message>
        <source>unknown command &quot;%1&quot;; try --help</source>
        <translation>unbekannter Befehl „%1“; siehe --help</translation>
    </message>
    <message>
        <source>internal error: %1
</source>
        <translation>interner Fehler: %1
</translation>
    </message>
    <message>
        <source>Usage: gitlab-jira-doctor-cli &lt;command&gt; [options]

Checks what Jira Cloud and GitLab.com need from a self-managed GitLab instance for the
GitLab for Jira Cloud app, and says exactly what to fix.

Commands:
  check &lt;URL&gt;   run the diagnostics against an instance

Run &quot;gitlab-jira-doctor-cli &lt;command&gt; --help&quot; for the options of a command.
Options: --help, --version

Exit codes: 0 no failure (warnings allowed unless --strict), 1 at least one failure,
2 usage error or invalid input, 3 internal error.
</source>
        <translation>Aufruf: gitlab-jira-doctor-cli &lt;Befehl&gt; [Optionen]

Prüft, was Jira Cloud und GitLab.com von einer selbstverwalteten GitLab-Instanz für die
GitLab for Jira Cloud-App brauchen, und sagt genau, was zu ändern ist.

Befehle:
  check &lt;URL&gt;   die Diagnose für eine Instanz ausführen

„gitlab-jira-doctor-cli &lt;Befehl&gt; --help“ zeigt die Optionen eines Befehls.
Optionen: --help, --version

Exit-Codes: 0 kein Fehler (Warnungen erlaubt, außer mit --strict), 1 mindestens ein Fehler,
2 falscher Aufruf oder ungültige Eingabe, 3 interner Fehler.
</translation>
    </message>
</context>
<context>
    <name>gjd::AboutDialog</name>
    <message>
        <source>Sets up the GitLab for Jira Cloud app on self-managed GitLab and finds out why it fails.</source>
        <translation>Richtet die GitLab for Jira Cloud-App auf selbstverwaltetem GitLab ein und findet heraus, warum sie nicht funktioniert.</translation>
    </message>
    <message>
        <source>About GitLab Jira Doctor</source>
        <translation>Über GitLab Jira Doctor</translation>
    </message>
    <message>
        <source>GitLab Jira Doctor</source>
        <translation>GitLab Jira Doctor</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Erstellt mit Qt %1, läuft mit Qt %2.</translation>
    </message>
    <message>
        <source>Licensed under the GNU General Public License, version 3 or later.</source>
        <translation>Lizenziert unter der GNU General Public License, Version 3 oder neuer.</translation>
    </message>
</context>
<context>
    <name>gjd::AddressClassifier</name>
    <message>
        <source>&quot;this network&quot; (RFC 791)</source>
        <translation>„dieses Netz“ (RFC 791)</translation>
    </message>
    <message>
        <source>private network (RFC 1918)</source>
        <translation>privates Netz (RFC 1918)</translation>
    </message>
    <message>
        <source>shared address space (carrier-grade NAT, RFC 6598)</source>
        <translation>gemeinsamer Adressraum (Carrier-Grade NAT, RFC 6598)</translation>
    </message>
    <message>
        <source>loopback (RFC 1122)</source>
        <translation>Loopback (RFC 1122)</translation>
    </message>
    <message>
        <source>link-local (RFC 3927)</source>
        <translation>Link-Local (RFC 3927)</translation>
    </message>
    <message>
        <source>IETF protocol assignments (RFC 6890)</source>
        <translation>IETF-Protokollzuweisungen (RFC 6890)</translation>
    </message>
    <message>
        <source>documentation, TEST-NET-1 (RFC 5737)</source>
        <translation>Dokumentation, TEST-NET-1 (RFC 5737)</translation>
    </message>
    <message>
        <source>deprecated 6to4 relay anycast (RFC 7526)</source>
        <translation>veraltetes 6to4-Relay-Anycast (RFC 7526)</translation>
    </message>
    <message>
        <source>benchmarking (RFC 2544)</source>
        <translation>Benchmarking (RFC 2544)</translation>
    </message>
    <message>
        <source>documentation, TEST-NET-2 (RFC 5737)</source>
        <translation>Dokumentation, TEST-NET-2 (RFC 5737)</translation>
    </message>
    <message>
        <source>documentation, TEST-NET-3 (RFC 5737)</source>
        <translation>Dokumentation, TEST-NET-3 (RFC 5737)</translation>
    </message>
    <message>
        <source>multicast (RFC 5771)</source>
        <translation>Multicast (RFC 5771)</translation>
    </message>
    <message>
        <source>limited broadcast (RFC 919)</source>
        <translation>begrenzter Broadcast (RFC 919)</translation>
    </message>
    <message>
        <source>reserved for future use (RFC 1112)</source>
        <translation>für künftige Nutzung reserviert (RFC 1112)</translation>
    </message>
    <message>
        <source>loopback (RFC 4291)</source>
        <translation>Loopback (RFC 4291)</translation>
    </message>
    <message>
        <source>unspecified address (RFC 4291)</source>
        <translation>unspezifizierte Adresse (RFC 4291)</translation>
    </message>
    <message>
        <source>local-use IPv4/IPv6 translation (RFC 8215)</source>
        <translation>lokale IPv4/IPv6-Übersetzung (RFC 8215)</translation>
    </message>
    <message>
        <source>discard-only (RFC 6666)</source>
        <translation>nur zum Verwerfen (RFC 6666)</translation>
    </message>
    <message>
        <source>Teredo tunnelling (RFC 4380)</source>
        <translation>Teredo-Tunnel (RFC 4380)</translation>
    </message>
    <message>
        <source>benchmarking (RFC 5180)</source>
        <translation>Benchmarking (RFC 5180)</translation>
    </message>
    <message>
        <source>deprecated ORCHID (RFC 4843)</source>
        <translation>veraltetes ORCHID (RFC 4843)</translation>
    </message>
    <message>
        <source>ORCHIDv2 (RFC 7343)</source>
        <translation>ORCHIDv2 (RFC 7343)</translation>
    </message>
    <message>
        <source>documentation (RFC 3849)</source>
        <translation>Dokumentation (RFC 3849)</translation>
    </message>
    <message>
        <source>documentation (RFC 9637)</source>
        <translation>Dokumentation (RFC 9637)</translation>
    </message>
    <message>
        <source>segment routing SIDs (RFC 9602)</source>
        <translation>Segment-Routing-SIDs (RFC 9602)</translation>
    </message>
    <message>
        <source>unique local address (RFC 4193)</source>
        <translation>Unique Local Address (RFC 4193)</translation>
    </message>
    <message>
        <source>link-local (RFC 4291)</source>
        <translation>Link-Local (RFC 4291)</translation>
    </message>
    <message>
        <source>deprecated site-local (RFC 3879)</source>
        <translation>veraltetes Site-Local (RFC 3879)</translation>
    </message>
    <message>
        <source>multicast (RFC 4291)</source>
        <translation>Multicast (RFC 4291)</translation>
    </message>
    <message>
        <source>not an IP address</source>
        <translation>keine IP-Adresse</translation>
    </message>
    <message>
        <source>reserved by the IETF, outside global unicast 2000::/3 (RFC 4291)</source>
        <translation>von der IETF reserviert, außerhalb von Global Unicast 2000::/3 (RFC 4291)</translation>
    </message>
    <message>
        <source>public</source>
        <translation>öffentlich</translation>
    </message>
</context>
<context>
    <name>gjd::Categories</name>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>GitLab</source>
        <translation>GitLab</translation>
    </message>
    <message>
        <source>Jira Connect endpoints</source>
        <translation>Jira-Connect-Endpunkte</translation>
    </message>
    <message>
        <source>GitLab settings</source>
        <translation>GitLab-Einstellungen</translation>
    </message>
    <message>
        <source>Jira</source>
        <translation>Jira</translation>
    </message>
    <message>
        <source>Platform and manual checks</source>
        <translation>Plattform und manuelle Prüfungen</translation>
    </message>
</context>
<context>
    <name>gjd::CheckCommand</name>
    <message>
        <source>cannot read %1 &quot;%2&quot;: %3</source>
        <translation>%1 „%2“ kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is larger than 16 MiB; expected a PEM certificate bundle</source>
        <translation>%1 „%2“ ist größer als 16 MiB; erwartet wird ein PEM-Zertifikatsbündel</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; contains no PEM certificate</source>
        <translation>%1 „%2“ enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>Checks the TLS and network setup of a GitLab instance the way Jira Cloud and GitLab.com see it.</source>
        <translation>Prüft die TLS- und Netzwerkeinrichtung einer GitLab-Instanz so, wie Jira Cloud und GitLab.com sie sehen.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <source>Installation method: auto (default), marketplace, manual or proxy.</source>
        <translation>Installationsmethode: auto (Standard), marketplace, manual oder proxy.</translation>
    </message>
    <message>
        <source>The reverse-proxy URL Jira uses, when it differs from URL.</source>
        <translation>Die Reverse-Proxy-URL, die Jira verwendet, wenn sie von URL abweicht.</translation>
    </message>
    <message>
        <source>Connect to ADDRESS for HOST:PORT, keeping HOST for SNI and certificate checks (like curl). Repeatable.</source>
        <translation>Für HOST:PORT mit ADRESSE verbinden und HOST für SNI und Zertifikatsprüfungen beibehalten (wie bei curl). Mehrfach verwendbar.</translation>
    </message>
    <message>
        <source>Extra private CA certificates (PEM): connect through them, but report that the chain is not publicly trusted.</source>
        <translation>Zusätzliche private CA-Zertifikate (PEM): Verbindungen darüber aufbauen, aber melden, dass die Kette nicht öffentlich vertrauenswürdig ist.</translation>
    </message>
    <message>
        <source>PEM bundle that replaces the system store as the public trust store.</source>
        <translation>PEM-Bündel, das den Zertifikatsspeicher des Systems als öffentlichen Vertrauensspeicher ersetzt.</translation>
    </message>
    <message>
        <source>Per-probe time budget in seconds (default 10); the whole run is bounded too.</source>
        <translation>Zeitbudget je Test in Sekunden (Standard 10); auch der gesamte Lauf ist begrenzt.</translation>
    </message>
    <message>
        <source>Run only these checks (ids or prefixes such as tls.).</source>
        <translation>Nur diese Prüfungen ausführen (IDs oder Präfixe wie tls.).</translation>
    </message>
    <message>
        <source>Do not run these checks (ids or prefixes).</source>
        <translation>Diese Prüfungen nicht ausführen (IDs oder Präfixe).</translation>
    </message>
    <message>
        <source>Output format: text (default) or json.</source>
        <translation>Ausgabeformat: text (Standard) oder json.</translation>
    </message>
    <message>
        <source>Write the report to FILE (atomically) instead of standard output.</source>
        <translation>Den Bericht (atomar) in DATEI statt auf die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <source>Warnings also make the exit code 1.</source>
        <translation>Auch Warnungen ergeben den Exit-Code 1.</translation>
    </message>
    <message>
        <source>The GitLab instance, such as https://gitlab.example.com.</source>
        <translation>Die GitLab-Instanz, zum Beispiel https://gitlab.example.com.</translation>
    </message>
    <message>
        <source>Usage: gitlab-jira-doctor-cli check [options] URL</source>
        <translation>Aufruf: gitlab-jira-doctor-cli check [Optionen] URL</translation>
    </message>
    <message>
        <source>check needs the instance URL, such as https://gitlab.example.com</source>
        <translation>check braucht die URL der Instanz, zum Beispiel https://gitlab.example.com</translation>
    </message>
    <message>
        <source>check takes one URL; unexpected &quot;%1&quot;</source>
        <translation>check nimmt genau eine URL; unerwartet: „%1“</translation>
    </message>
    <message>
        <source>invalid URL &quot;%1&quot;: %2</source>
        <translation>ungültige URL „%1“: %2</translation>
    </message>
    <message>
        <source>--method must be auto, marketplace, manual or proxy (got &quot;%1&quot;)</source>
        <translation>--method muss auto, marketplace, manual oder proxy sein (erhalten: „%1“)</translation>
    </message>
    <message>
        <source>invalid --public-url &quot;%1&quot;: %2</source>
        <translation>ungültige --public-url „%1“: %2</translation>
    </message>
    <message>
        <source>--timeout must be a number of seconds between 0 and 600 (got &quot;%1&quot;)</source>
        <translation>--timeout muss eine Anzahl Sekunden zwischen 0 und 600 sein (erhalten: „%1“)</translation>
    </message>
    <message>
        <source>no check matches &quot;%1&quot; (see the ids in the report)</source>
        <translation>keine Prüfung passt zu „%1“ (siehe die IDs im Bericht)</translation>
    </message>
    <message>
        <source>--format %1 is not available in this version; use text or json</source>
        <translation>--format %1 ist in dieser Version nicht verfügbar; verwenden Sie text oder json</translation>
    </message>
    <message>
        <source>--format must be text or json (got &quot;%1&quot;)</source>
        <translation>--format muss text oder json sein (erhalten: „%1“)</translation>
    </message>
    <message>
        <source>--output &quot;%1&quot; is a directory</source>
        <translation>--output „%1“ ist ein Ordner</translation>
    </message>
    <message>
        <source>cannot write --output &quot;%1&quot;: the folder does not exist or is not writable</source>
        <translation>--output „%1“ kann nicht geschrieben werden: Der Ordner existiert nicht oder ist nicht beschreibbar</translation>
    </message>
    <message>
        <source>cannot write --output &quot;%1&quot;: %2</source>
        <translation>--output „%1“ kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>gjd::CheckRunner</name>
    <message>
        <source>Not selected (--only / --skip).</source>
        <translation>Nicht ausgewählt (--only / --skip).</translation>
    </message>
    <message>
        <source>Not run: the run was cancelled.</source>
        <translation>Nicht ausgeführt: Der Lauf wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Skipped: %1 did not pass.</source>
        <translation>Übersprungen: %1 war nicht erfolgreich.</translation>
    </message>
    <message>
        <source>Not applicable to the %1 method.</source>
        <translation>Trifft auf die Methode %1 nicht zu.</translation>
    </message>
    <message>
        <source>Internal error: the %1 probe did not run.</source>
        <translation>Interner Fehler: Der Test %1 lief nicht.</translation>
    </message>
</context>
<context>
    <name>gjd::DnsProbe</name>
    <message>
        <source>%1 has no A or AAAA record.</source>
        <translation>%1 hat keinen A- oder AAAA-Eintrag.</translation>
    </message>
    <message>
        <source>%1 does not resolve: the name does not exist (NXDOMAIN) or has no address record.</source>
        <translation>%1 lässt sich nicht auflösen: Der Name existiert nicht (NXDOMAIN) oder hat keinen Adresseintrag.</translation>
    </message>
    <message>
        <source>The lookup of %1 failed: %2.</source>
        <translation>Die Namensauflösung von %1 ist fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <source>The lookup was cancelled.</source>
        <translation>Die Namensauflösung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The lookup of %1 got no answer within %2 s.</source>
        <translation>Die Namensauflösung von %1 bekam innerhalb von %2 s keine Antwort.</translation>
    </message>
</context>
<context>
    <name>gjd::DnsPublicCheck</name>
    <message>
        <source>Addresses are publicly routable</source>
        <translation>Adressen sind öffentlich erreichbar</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 ist %2</translation>
    </message>
    <message>
        <source>%1 is %2, %3</source>
        <translation>%1 ist %2, %3</translation>
    </message>
    <message>
        <source>Every address of %1 is publicly routable.</source>
        <translation>Jede Adresse von %1 ist öffentlich erreichbar.</translation>
    </message>
    <message>
        <source>%1: Jira Cloud and GitLab.com cannot reach such an address.</source>
        <translation>%1: Jira Cloud und GitLab.com können eine solche Adresse nicht erreichen.</translation>
    </message>
    <message>
        <source>The address comes from --resolve. Check the address that public DNS will give.</source>
        <translation>Die Adresse stammt aus --resolve. Prüfen Sie die Adresse, die das öffentliche DNS liefern wird.</translation>
    </message>
    <message>
        <source>From inside a split-horizon network, public DNS may answer differently: ask a public resolver (for example: dig +short %1 @1.1.1.1) to see what Jira Cloud sees.</source>
        <translation>Innerhalb eines Split-Horizon-Netzes kann das öffentliche DNS anders antworten: Fragen Sie einen öffentlichen Resolver (zum Beispiel: dig +short %1 @1.1.1.1), um zu sehen, was Jira Cloud sieht.</translation>
    </message>
    <message>
        <source>Give %1 a public address (an A/AAAA record reachable from the internet), or publish the instance through a reverse proxy with a public address and check that URL.</source>
        <translation>Geben Sie %1 eine öffentliche Adresse (einen aus dem Internet erreichbaren A/AAAA-Eintrag), oder veröffentlichen Sie die Instanz über einen Reverse Proxy mit öffentlicher Adresse und prüfen Sie diese URL.</translation>
    </message>
</context>
<context>
    <name>gjd::DnsResolveCheck</name>
    <message>
        <source>Host name resolves</source>
        <translation>Host-Name wird aufgelöst</translation>
    </message>
    <message>
        <source>Check this computer&apos;s DNS resolver, then that the name servers of %1 answer.</source>
        <translation>Prüfen Sie den DNS-Resolver dieses Computers und danach, ob die Nameserver von %1 antworten.</translation>
    </message>
    <message>
        <source>Create a public A (and, if the instance has IPv6, AAAA) record for %1. To check a server before DNS points at it, use --resolve %1:%2:ADDRESS.</source>
        <translation>Legen Sie einen öffentlichen A-Eintrag (und, wenn die Instanz IPv6 hat, einen AAAA-Eintrag) für %1 an. Um einen Server zu prüfen, bevor das DNS auf ihn zeigt, verwenden Sie --resolve %1:%2:ADRESSE.</translation>
    </message>
    <message>
        <source>Using %1 for %2, as given with --resolve (DNS was not asked).</source>
        <translation>%1 wird für %2 verwendet, wie mit --resolve angegeben (DNS wurde nicht gefragt).</translation>
    </message>
    <message>
        <source>The URL names the address %1 directly.</source>
        <translation>Die URL nennt direkt die Adresse %1.</translation>
    </message>
    <message>
        <source>Jira Cloud and GitLab.com can use an address, but a publicly trusted certificate for a bare IP address is rare; a host name is the usual setup.</source>
        <translation>Jira Cloud und GitLab.com können eine Adresse verwenden, aber ein öffentlich vertrauenswürdiges Zertifikat für eine reine IP-Adresse ist selten; üblich ist ein Host-Name.</translation>
    </message>
    <message>
        <source>%1 resolves to %2.</source>
        <translation>%1 wird zu %2 aufgelöst.</translation>
    </message>
</context>
<context>
    <name>gjd::InputUrlCheck</name>
    <message>
        <source>Instance URL</source>
        <translation>Instanz-URL</translation>
    </message>
    <message>
        <source>Enter the address users open in the browser, such as https://gitlab.example.com (a relative root like https://example.com/gitlab is fine).</source>
        <translation>Geben Sie die Adresse ein, die Benutzer im Browser öffnen, zum Beispiel https://gitlab.example.com (ein relativer Pfad wie https://example.com/gitlab ist in Ordnung).</translation>
    </message>
    <message>
        <source>Checking %1.</source>
        <translation>%1 wird geprüft.</translation>
    </message>
    <message>
        <source>Checking %1. %2</source>
        <translation>%1 wird geprüft. %2</translation>
    </message>
    <message>
        <source>Use %1 exactly, wherever the instance URL is entered (the Jira app&apos;s &quot;GitLab version&quot; dialog, the wizard).</source>
        <translation>Verwenden Sie genau %1, wo immer die Instanz-URL eingegeben wird (im Dialog „GitLab version“ der Jira-App, im Assistenten).</translation>
    </message>
</context>
<context>
    <name>gjd::InstanceUrl</name>
    <message>
        <source>No URL given: enter the address of your GitLab instance, such as https://gitlab.example.com.</source>
        <translation>Keine URL angegeben: Geben Sie die Adresse Ihrer GitLab-Instanz ein, zum Beispiel https://gitlab.example.com.</translation>
    </message>
    <message>
        <source>The URL contains spaces or control characters.</source>
        <translation>Die URL enthält Leerzeichen oder Steuerzeichen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL scheme; use https://.</source>
        <translation>„%1“ ist kein gültiges URL-Schema; verwenden Sie https://.</translation>
    </message>
    <message>
        <source>Only https:// URLs can be checked; &quot;%1:&quot; is not a web address.</source>
        <translation>Nur https://-URLs können geprüft werden; „%1:“ ist keine Webadresse.</translation>
    </message>
    <message>
        <source>No scheme given: https:// is assumed.</source>
        <translation>Kein Schema angegeben: https:// wird angenommen.</translation>
    </message>
    <message>
        <source>Only https:// URLs can be used (got %1://): Jira Cloud talks to GitLab over HTTPS.</source>
        <translation>Nur https://-URLs können verwendet werden (erhalten: %1://): Jira Cloud spricht mit GitLab über HTTPS.</translation>
    </message>
    <message>
        <source>The URL is malformed: %1.</source>
        <translation>Die URL ist fehlerhaft: %1.</translation>
    </message>
    <message>
        <source>The URL contains a user name or password (user@host); remove it — credentials never belong in the instance URL.</source>
        <translation>Die URL enthält einen Benutzernamen oder ein Passwort (user@host); entfernen Sie sie – Zugangsdaten gehören nie in die Instanz-URL.</translation>
    </message>
    <message>
        <source>The URL contains a query (&quot;?%1&quot;); enter only the instance address.</source>
        <translation>Die URL enthält eine Abfrage („?%1“); geben Sie nur die Adresse der Instanz ein.</translation>
    </message>
    <message>
        <source>The URL contains a fragment (&quot;#%1&quot;); enter only the instance address.</source>
        <translation>Die URL enthält ein Fragment („#%1“); geben Sie nur die Adresse der Instanz ein.</translation>
    </message>
    <message>
        <source>The URL has no host name.</source>
        <translation>Die URL hat keinen Host-Namen.</translation>
    </message>
    <message>
        <source>The trailing dot of the host name was removed.</source>
        <translation>Der abschließende Punkt des Host-Namens wurde entfernt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name.</source>
        <translation>„%1“ ist kein gültiger Host-Name.</translation>
    </message>
    <message>
        <source>The international host name %1 is used in its ASCII form %2.</source>
        <translation>Der internationale Host-Name %1 wird in seiner ASCII-Form %2 verwendet.</translation>
    </message>
    <message>
        <source>Port 0 is not a valid port.</source>
        <translation>Port 0 ist kein gültiger Port.</translation>
    </message>
    <message>
        <source>The URL uses http://; it is checked as https://, which Jira Cloud requires.</source>
        <translation>Die URL verwendet http://; sie wird als https:// geprüft, was Jira Cloud verlangt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a page of GitLab, not part of the instance address; using &quot;%2&quot;.</source>
        <translation>„%1“ ist eine Seite von GitLab, kein Teil der Instanzadresse; verwendet wird „%2“.</translation>
    </message>
    <message>
        <source>The trailing slash was removed: the GitLab for Jira Cloud app rejects instance URLs that end with &quot;/&quot;.</source>
        <translation>Der abschließende Schrägstrich wurde entfernt: Die GitLab for Jira Cloud-App lehnt Instanz-URLs ab, die auf „/“ enden.</translation>
    </message>
    <message>
        <source>GitLab is served under the relative root %1.</source>
        <translation>GitLab wird unter dem relativen Pfad %1 bereitgestellt.</translation>
    </message>
</context>
<context>
    <name>gjd::MainWindow</name>
    <message>
        <source>GitLab Jira Doctor</source>
        <translation>GitLab Jira Doctor</translation>
    </message>
    <message>
        <source>Connects your self-managed GitLab to Jira Cloud with the GitLab for Jira Cloud app, and finds out why the connection fails.</source>
        <translation>Verbindet Ihr selbstverwaltetes GitLab über die GitLab for Jira Cloud-App mit Jira Cloud und findet heraus, warum die Verbindung nicht funktioniert.</translation>
    </message>
    <message>
        <source>Set &amp;up the GitLab for Jira Cloud app</source>
        <translation>GitLab for Jira Cloud-App ein&amp;richten</translation>
    </message>
    <message>
        <source>&amp;Check an instance</source>
        <translation>Eine &amp;Instanz prüfen</translation>
    </message>
    <message>
        <source>Find out why an existing connection fails: network, TLS certificates, GitLab settings and Jira.</source>
        <translation>Herausfinden, warum eine bestehende Verbindung nicht funktioniert: Netzwerk, TLS-Zertifikate, GitLab-Einstellungen und Jira.</translation>
    </message>
    <message>
        <source>&amp;Open a troubleshooting export</source>
        <translation>Einen Diagnose-Export ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Read the results a customer or colleague sent you, or compare two exports.</source>
        <translation>Die Ergebnisse lesen, die Ihnen ein Kunde oder Kollege geschickt hat, oder zwei Exporte vergleichen.</translation>
    </message>
    <message>
        <source>Set up the GitLab for Jira Cloud app</source>
        <translation>GitLab for Jira Cloud-App einrichten</translation>
    </message>
    <message>
        <source>&lt;p&gt;The setup wizard arrives in a coming version. It will create the OAuth application, apply the GitLab for Jira App settings and guide you through installing the app in Jira, verifying every step.&lt;/p&gt;&lt;p&gt;Meanwhile, check whether your instance is ready for the app from a terminal:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Einrichtungsassistent kommt in einer der nächsten Versionen. Er wird die OAuth-Anwendung anlegen, die Einstellungen der GitLab for Jira App setzen und Sie durch die Installation der App in Jira führen – und dabei jeden Schritt überprüfen.&lt;/p&gt;&lt;p&gt;Bis dahin prüfen Sie in einem Terminal, ob Ihre Instanz für die App bereit ist:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Check an instance</source>
        <translation>Eine Instanz prüfen</translation>
    </message>
    <message>
        <source>&lt;p&gt;The diagnostics pane arrives in a coming version. It will show every check as a tree, with the evidence, why it matters and how to fix it.&lt;/p&gt;&lt;p&gt;Meanwhile, run the same checks from a terminal:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Diagnoseansicht kommt in einer der nächsten Versionen. Sie wird jede Prüfung in einem Baum zeigen, mit den Belegen, warum sie wichtig ist und wie sich das Problem beheben lässt.&lt;/p&gt;&lt;p&gt;Bis dahin führen Sie dieselben Prüfungen in einem Terminal aus:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open a troubleshooting export</source>
        <translation>Einen Diagnose-Export öffnen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;System default</source>
        <translation>&amp;Systemstandard</translation>
    </message>
    <message>
        <source>&amp;About GitLab Jira Doctor</source>
        <translation>Ü&amp;ber GitLab Jira Doctor</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>GitLab Jira Doctor icon</source>
        <translation>Symbol von GitLab Jira Doctor</translation>
    </message>
    <message>
        <source>Create the OAuth application, apply the GitLab settings and install the app in Jira.</source>
        <translation>Die OAuth-Anwendung anlegen, die GitLab-Einstellungen setzen und die App in Jira installieren.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Opening troubleshooting exports arrives in a coming version. It will show the same check tree the customer saw, and compare two exports.&lt;/p&gt;&lt;p&gt;Meanwhile, unpack the export and open &lt;b&gt;report.html&lt;/b&gt; in a web browser: it holds the same results and reads offline.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Das Öffnen von Diagnose-Exporten kommt in einer der nächsten Versionen. Es wird denselben Prüfbaum zeigen, den der Kunde gesehen hat, und zwei Exporte vergleichen.&lt;/p&gt;&lt;p&gt;Bis dahin entpacken Sie den Export und öffnen &lt;b&gt;report.html&lt;/b&gt; in einem Webbrowser: Die Datei enthält dieselben Ergebnisse und lässt sich offline lesen.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>gjd::PlaceholderPage</name>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the command to the clipboard</source>
        <translation>Den Befehl in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Back to the start screen (Esc)</source>
        <translation>Zurück zum Startbildschirm (Esc)</translation>
    </message>
</context>
<context>
    <name>gjd::PortAllowedCheck</name>
    <message>
        <source>Port accepted by Atlassian</source>
        <translation>Port wird von Atlassian akzeptiert</translation>
    </message>
    <message>
        <source>Port %1 is one Atlassian fetches app descriptors from.</source>
        <translation>Port %1 gehört zu den Ports, von denen Atlassian App-Deskriptoren abruft.</translation>
    </message>
    <message>
        <source>Publish the instance on port 443, for example with a reverse proxy listening on 443 that forwards to port %1, and use that URL.</source>
        <translation>Veröffentlichen Sie die Instanz auf Port 443, zum Beispiel mit einem Reverse Proxy auf Port 443, der an Port %1 weiterleitet, und verwenden Sie diese URL.</translation>
    </message>
    <message>
        <source>Port %1 is not 443, 80 or 8080: the Marketplace app may reach it through GitLab.com, but a manual install would be refused.</source>
        <translation>Port %1 ist weder 443 noch 80 noch 8080: Die Marketplace-App erreicht ihn eventuell über GitLab.com, aber eine manuelle Installation würde abgelehnt.</translation>
    </message>
    <message>
        <source>The installation method was assumed to be Marketplace; with --method manual this is a failure.</source>
        <translation>Als Installationsmethode wurde Marketplace angenommen; mit --method manual ist das ein Fehler.</translation>
    </message>
    <message>
        <source>Port %1 is not 443, 80 or 8080: Atlassian fetches Connect app descriptors only from those ports.</source>
        <translation>Port %1 ist weder 443 noch 80 noch 8080: Atlassian ruft Deskriptoren von Connect-Apps nur von diesen Ports ab.</translation>
    </message>
</context>
<context>
    <name>gjd::ResolveOverride</name>
    <message>
        <source>--resolve expects HOST:PORT:ADDRESS, got &quot;%1&quot;.</source>
        <translation>--resolve erwartet HOST:PORT:ADRESSE, erhalten: „%1“.</translation>
    </message>
</context>
<context>
    <name>gjd::TcpConnectCheck</name>
    <message>
        <source>TCP connection</source>
        <translation>TCP-Verbindung</translation>
    </message>
    <message>
        <source>%1 in %2 ms</source>
        <translation>%1 in %2 ms</translation>
    </message>
    <message>
        <source>Only the first %1 addresses were tried.</source>
        <translation>Nur die ersten %1 Adressen wurden versucht.</translation>
    </message>
    <message>
        <source>Connected to port %1: %2.</source>
        <translation>Mit Port %1 verbunden: %2.</translation>
    </message>
    <message>
        <source>A firewall drops connections to port %1: allow inbound TCP %1 from the internet (at least from GitLab.com 34.74.90.64/28 and 34.74.226.0/24, and from Atlassian&apos;s ranges).</source>
        <translation>Eine Firewall verwirft Verbindungen zu Port %1: Erlauben Sie eingehendes TCP %1 aus dem Internet (mindestens von GitLab.com 34.74.90.64/28 und 34.74.226.0/24 sowie aus den Adressbereichen von Atlassian).</translation>
    </message>
    <message>
        <source>Make the web server (or the load balancer in front of it) listen on port %1 on every published address, and open the port in the firewall.</source>
        <translation>Lassen Sie den Webserver (oder den Load Balancer davor) auf jeder veröffentlichten Adresse auf Port %1 lauschen, und öffnen Sie den Port in der Firewall.</translation>
    </message>
    <message>
        <source>Only some addresses accept connections on port %1. %2</source>
        <translation>Nur einige Adressen nehmen Verbindungen auf Port %1 an. %2</translation>
    </message>
    <message>
        <source>Fix or remove the DNS records of the addresses that fail: clients that pick them cannot connect. </source>
        <translation>Korrigieren oder entfernen Sie die DNS-Einträge der Adressen, die fehlschlagen: Clients, die sie wählen, können keine Verbindung aufbauen. </translation>
    </message>
</context>
<context>
    <name>gjd::TcpProbe</name>
    <message>
        <source>%1 port %2 refused the connection: nothing listens there, or a firewall rejects it.</source>
        <translation>%1 Port %2 hat die Verbindung abgelehnt: Dort lauscht nichts, oder eine Firewall weist sie ab.</translation>
    </message>
    <message>
        <source>%1 port %2 did not answer.</source>
        <translation>%1 Port %2 hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>%1 is unreachable from here: %2.</source>
        <translation>%1 ist von hier aus nicht erreichbar: %2.</translation>
    </message>
    <message>
        <source>Connecting to %1 port %2 failed: %3.</source>
        <translation>Die Verbindung zu %1 Port %2 ist fehlgeschlagen: %3.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>%1 port %2 did not answer within %3 s: a firewall probably drops the packets.</source>
        <translation>%1 Port %2 hat nicht innerhalb von %3 s geantwortet: Wahrscheinlich verwirft eine Firewall die Pakete.</translation>
    </message>
</context>
<context>
    <name>gjd::TextFormatter</name>
    <message>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warn</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>given</source>
        <translation>angegeben</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>erkannt</translation>
    </message>
    <message>
        <source>assumed</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>GitLab Jira Doctor %1 — %2</source>
        <translation>GitLab Jira Doctor %1 – %2</translation>
    </message>
    <message>
        <source>Method: %1 (%2)</source>
        <translation>Methode: %1 (%2)</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Lösung: %1</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
    <message>
        <source> (%1 ms)</source>
        <translation> (%1 ms)</translation>
    </message>
</context>
<context>
    <name>gjd::TlsChainAnchorCheck</name>
    <message>
        <source>Root certificate not sent</source>
        <translation>Stammzertifikat wird nicht mitgesendet</translation>
    </message>
    <message>
        <source>Not applicable: the leaf certificate is self-signed.</source>
        <translation>Trifft nicht zu: Das Serverzertifikat ist selbstsigniert.</translation>
    </message>
    <message>
        <source>The server sends the root %1 itself: harmless, but unnecessary — clients use their own copy.</source>
        <translation>Der Server sendet das Stammzertifikat %1 selbst mit: harmlos, aber unnötig – Clients verwenden ihre eigene Kopie.</translation>
    </message>
    <message>
        <source>Optionally remove the root from the certificate file to save bytes in every handshake.</source>
        <translation>Entfernen Sie optional das Stammzertifikat aus der Zertifikatsdatei, um bei jedem Handshake Bytes zu sparen.</translation>
    </message>
    <message>
        <source>The root is not sent, as recommended.</source>
        <translation>Das Stammzertifikat wird wie empfohlen nicht mitgesendet.</translation>
    </message>
</context>
<context>
    <name>gjd::TlsChainCompleteCheck</name>
    <message>
        <source>Certificate chain is complete</source>
        <translation>Zertifikatskette ist vollständig</translation>
    </message>
    <message>
        <source>The leaf certificate is self-signed, so no intermediate can be missing (whether it is trusted is tls.trust.public&apos;s finding).</source>
        <translation>Das Serverzertifikat ist selbstsigniert, also kann kein Zwischenzertifikat fehlen (ob ihm vertraut wird, stellt tls.trust.public fest).</translation>
    </message>
    <message>
        <source>The served certificates lead from the leaf to the root %1 (which no trust store holds: see tls.trust.public).</source>
        <translation>Die gesendeten Zertifikate führen vom Serverzertifikat zum Stammzertifikat %1 (das kein Vertrauensspeicher enthält: siehe tls.trust.public).</translation>
    </message>
    <message>
        <source>The served certificates lead from the leaf to %1 without fetching anything.</source>
        <translation>Die gesendeten Zertifikate führen vom Serverzertifikat zu %1, ohne dass etwas nachgeladen werden muss.</translation>
    </message>
    <message>
        <source>The chain is incomplete: %1 was issued by %2, which the server does not send and no trusted root is.</source>
        <translation>Die Kette ist unvollständig: %1 wurde von %2 ausgestellt, das der Server nicht sendet und das kein vertrauenswürdiges Stammzertifikat ist.</translation>
    </message>
    <message>
        <source>Serve the full chain: the certificate file must hold the leaf followed by the intermediate certificate(s) up to, but not including, the root — nginx &quot;ssl_certificate /etc/ssl/fullchain.pem;&quot;, Omnibus nginx[&apos;ssl_certificate&apos;] = &quot;/etc/gitlab/ssl/fullchain.pem&quot; (with certbot use fullchain.pem, not cert.pem). If %1 is a private CA of your own, the instance needs a publicly trusted certificate instead.</source>
        <translation>Senden Sie die vollständige Kette: Die Zertifikatsdatei muss das Serverzertifikat enthalten, gefolgt von den Zwischenzertifikaten bis zum Stammzertifikat, aber ohne dieses – nginx „ssl_certificate /etc/ssl/fullchain.pem;“, Omnibus nginx[&apos;ssl_certificate&apos;] = &quot;/etc/gitlab/ssl/fullchain.pem&quot; (mit certbot fullchain.pem verwenden, nicht cert.pem). Wenn %1 eine eigene private CA ist, braucht die Instanz stattdessen ein öffentlich vertrauenswürdiges Zertifikat.</translation>
    </message>
    <message>
        <source>A browser may still show the site as secure because it fetches missing intermediates (AIA) or has them cached; GitLab.com and Atlassian do neither, so they reject the connection.</source>
        <translation>Ein Browser zeigt die Seite eventuell trotzdem als sicher an, weil er fehlende Zwischenzertifikate nachlädt (AIA) oder zwischengespeichert hat; GitLab.com und Atlassian tun beides nicht und lehnen die Verbindung daher ab.</translation>
    </message>
</context>
<context>
    <name>gjd::TlsChainExtraCheck</name>
    <message>
        <source>No unrelated certificates served</source>
        <translation>Keine fremden Zertifikate gesendet</translation>
    </message>
    <message>
        <source>Every served certificate is on the path.</source>
        <translation>Jedes gesendete Zertifikat liegt auf dem Pfad.</translation>
    </message>
    <message numerus="yes">
        <source>The server also sends %n certificate(s) that are not on the path: %1.</source>
        <translation>
            <numerusform>Der Server sendet außerdem %n Zertifikat, das nicht auf dem Pfad liegt: %1.</numerusform>
            <numerusform>Der Server sendet außerdem %n Zertifikate, die nicht auf dem Pfad liegen: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove them from the certificate file (nginx ssl_certificate, Omnibus nginx[&apos;ssl_certificate&apos;]); keep only the leaf and its intermediates.</source>
        <translation>Entfernen Sie sie aus der Zertifikatsdatei (nginx ssl_certificate, Omnibus nginx[&apos;ssl_certificate&apos;]); behalten Sie nur das Serverzertifikat und seine Zwischenzertifikate.</translation>
    </message>
    <message>
        <source>Unrelated certificates waste bytes in every handshake and can confuse strict clients.</source>
        <translation>Fremde Zertifikate verschwenden bei jedem Handshake Bytes und können strenge Clients verwirren.</translation>
    </message>
</context>
<context>
    <name>gjd::TlsChainOrderCheck</name>
    <message>
        <source>Chain is served in order</source>
        <translation>Kette wird in der richtigen Reihenfolge gesendet</translation>
    </message>
    <message>
        <source>Served in issuing order: leaf first, then each issuer.</source>
        <translation>In Ausstellungsreihenfolge gesendet: zuerst das Serverzertifikat, dann jeweils der Aussteller.</translation>
    </message>
    <message>
        <source>Only the leaf is on the served path; there is nothing to order.</source>
        <translation>Nur das Serverzertifikat liegt auf dem gesendeten Pfad; es gibt nichts zu ordnen.</translation>
    </message>
    <message>
        <source>The certificates are served out of order: %1; expected %2.</source>
        <translation>Die Zertifikate werden in falscher Reihenfolge gesendet: %1; erwartet: %2.</translation>
    </message>
    <message>
        <source>Reorder the certificate file (nginx ssl_certificate, Omnibus nginx[&apos;ssl_certificate&apos;]): the leaf first, then its issuer, then that certificate&apos;s issuer.</source>
        <translation>Ordnen Sie die Zertifikatsdatei neu (nginx ssl_certificate, Omnibus nginx[&apos;ssl_certificate&apos;]): zuerst das Serverzertifikat, dann sein Aussteller, dann dessen Aussteller.</translation>
    </message>
    <message>
        <source>Most clients reorder the chain themselves, but older Java and embedded TLS stacks do not.</source>
        <translation>Die meisten Clients ordnen die Kette selbst, ältere Java- und Embedded-TLS-Implementierungen aber nicht.</translation>
    </message>
</context>
<context>
    <name>gjd::TlsCryptoCheck</name>
    <message>
        <source>Signatures and key sizes</source>
        <translation>Signaturen und Schlüssellängen</translation>
    </message>
    <message>
        <source>%1 is signed with %2.</source>
        <translation>%1 ist mit %2 signiert.</translation>
    </message>
    <message>
        <source>%1 has a %2-bit %3 key.</source>
        <translation>%1 hat einen %3-Schlüssel mit %2 Bit.</translation>
    </message>
    <message>
        <source>Signatures and keys on the path are strong enough.</source>
        <translation>Signaturen und Schlüssel auf dem Pfad sind stark genug.</translation>
    </message>
    <message>
        <source>Reissue the certificate with a SHA-256 (or stronger) signature and an RSA key of at least 2048 bits or an EC key of at least 256 bits; public CAs have not issued SHA-1 certificates since 2016.</source>
        <translation>Lassen Sie das Zertifikat mit einer SHA-256-Signatur (oder stärker) und einem RSA-Schlüssel mit mindestens 2048 Bit oder einem EC-Schlüssel mit mindestens 256 Bit neu ausstellen; öffentliche CAs stellen seit 2016 keine SHA-1-Zertifikate mehr aus.</translation>
    </message>
</context>
<context>
    <name>gjd::TlsHandshakeCheck</name>
    <message>
        <source>TLS handshake</source>
        <translation>TLS-Handshake</translation>
    </message>
    <message>
        <source>%1 with %2, %3 certificate(s) served, in %4 ms.</source>
        <translation>%1 mit %2, %3 Zertifikat(e) gesendet, in %4 ms.</translation>
    </message>
    <message>
        <source>Serve HTTPS on port %1: nginx &quot;listen %1 ssl;&quot; with ssl_certificate and ssl_certificate_key; Omnibus: external_url &apos;https://…&apos; plus nginx[&apos;ssl_certificate&apos;] or letsencrypt[&apos;enable&apos;] = true.</source>
        <translation>Stellen Sie HTTPS auf Port %1 bereit: nginx „listen %1 ssl;“ mit ssl_certificate und ssl_certificate_key; Omnibus: external_url &apos;https://…&apos; plus nginx[&apos;ssl_certificate&apos;] oder letsencrypt[&apos;enable&apos;] = true.</translation>
    </message>
    <message>
        <source>Something accepts connections on port %1 but never answers TLS: check the load balancer or port forwarding in front of GitLab, and that the web server behind it is running.</source>
        <translation>Etwas nimmt auf Port %1 Verbindungen an, antwortet aber nie mit TLS: Prüfen Sie den Load Balancer oder die Portweiterleitung vor GitLab und ob der Webserver dahinter läuft.</translation>
    </message>
    <message>
        <source>Enable TLS 1.2 and 1.3: nginx &quot;ssl_protocols TLSv1.2 TLSv1.3;&quot;; Omnibus nginx[&apos;ssl_protocols&apos;] = &quot;TLSv1.2 TLSv1.3&quot;.</source>
        <translation>Aktivieren Sie TLS 1.2 und 1.3: nginx „ssl_protocols TLSv1.2 TLSv1.3;“; Omnibus nginx[&apos;ssl_protocols&apos;] = &quot;TLSv1.2 TLSv1.3&quot;.</translation>
    </message>
    <message>
        <source>Reissue the certificate with an RSA key of at least 2048 bits or an EC P-256 key.</source>
        <translation>Lassen Sie das Zertifikat mit einem RSA-Schlüssel mit mindestens 2048 Bit oder einem EC-P-256-Schlüssel neu ausstellen.</translation>
    </message>
    <message>
        <source>Allow current cipher suites, for example nginx &quot;ssl_ciphers HIGH:!aNULL:!MD5;&quot; or the list in GitLab&apos;s reverse-proxy example.</source>
        <translation>Erlauben Sie aktuelle Cipher-Suites, zum Beispiel mit nginx „ssl_ciphers HIGH:!aNULL:!MD5;“ oder der Liste aus GitLabs Reverse-Proxy-Beispiel.</translation>
    </message>
    <message>
        <source>Look at the web server&apos;s error log for the handshake failure, and check that port %1 serves HTTPS for %2.</source>
        <translation>Suchen Sie im Fehlerprotokoll des Webservers nach dem Handshake-Fehler, und prüfen Sie, ob Port %1 HTTPS für %2 bereitstellt.</translation>
    </message>
</context>
<context>
    <name>gjd::TlsHostnameCheck</name>
    <message>
        <source>Certificate matches the host name</source>
        <translation>Zertifikat passt zum Host-Namen</translation>
    </message>
    <message>
        <source>%1 matches only the certificate&apos;s Common Name; it has no Subject Alternative Name, which current clients require.</source>
        <translation>%1 passt nur zum Common Name des Zertifikats; es hat keinen Subject Alternative Name, den aktuelle Clients verlangen.</translation>
    </message>
    <message>
        <source>Reissue the certificate with %1 in its Subject Alternative Name (every public CA does this).</source>
        <translation>Lassen Sie das Zertifikat mit %1 im Subject Alternative Name neu ausstellen (das macht jede öffentliche CA).</translation>
    </message>
    <message>
        <source>%1 matches the certificate (SAN: %2).</source>
        <translation>%1 passt zum Zertifikat (SAN: %2).</translation>
    </message>
    <message>
        <source>no SAN, CN %1</source>
        <translation>kein SAN, CN %1</translation>
    </message>
    <message>
        <source>The certificate is not valid for %1: it names %2.</source>
        <translation>Das Zertifikat gilt nicht für %1: Es nennt %2.</translation>
    </message>
    <message>
        <source>Serve a certificate whose Subject Alternative Name includes %1 (or a wildcard such as *.%2 that covers it). If several sites share the address, check the nginx server_name of the HTTPS server for %1.</source>
        <translation>Stellen Sie ein Zertifikat bereit, dessen Subject Alternative Name %1 enthält (oder einen Platzhalter wie *.%2, der ihn abdeckt). Wenn sich mehrere Sites die Adresse teilen, prüfen Sie den nginx-server_name des HTTPS-Servers für %1.</translation>
    </message>
</context>
<context>
    <name>gjd::TlsProbe</name>
    <message>
        <source>No address to connect to.</source>
        <translation>Keine Adresse, zu der verbunden werden kann.</translation>
    </message>
    <message>
        <source>No address of %1 accepted a connection on port %2 (%3).</source>
        <translation>Keine Adresse von %1 hat eine Verbindung auf Port %2 angenommen (%3).</translation>
    </message>
    <message>
        <source>The server closed the connection during the TLS handshake (no TLS on this port, or the server rejected this client&apos;s offer).</source>
        <translation>Der Server hat die Verbindung während des TLS-Handshakes geschlossen (kein TLS auf diesem Port, oder der Server hat das Angebot dieses Clients abgelehnt).</translation>
    </message>
    <message>
        <source>The server offers only TLS versions older than 1.2, which clients refuse (%1).</source>
        <translation>Der Server bietet nur TLS-Versionen älter als 1.2 an, die Clients ablehnen (%1).</translation>
    </message>
    <message>
        <source>The server&apos;s key is too small for today&apos;s TLS clients (%1): use RSA 2048 bits or more, or EC P-256.</source>
        <translation>Der Schlüssel des Servers ist für heutige TLS-Clients zu klein (%1): Verwenden Sie RSA mit 2048 Bit oder mehr oder EC P-256.</translation>
    </message>
    <message>
        <source>The server and a current TLS client have no cipher suite in common (%1).</source>
        <translation>Der Server und ein aktueller TLS-Client haben keine gemeinsame Cipher-Suite (%1).</translation>
    </message>
    <message>
        <source>The TLS handshake failed: %1.</source>
        <translation>Der TLS-Handshake ist fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <source>The server answers plain HTTP on port %1 instead of TLS: it is not configured for HTTPS on this port (nginx: &quot;listen %1 ssl&quot;).</source>
        <translation>Der Server antwortet auf Port %1 mit reinem HTTP statt mit TLS: Er ist auf diesem Port nicht für HTTPS eingerichtet (nginx: „listen %1 ssl“).</translation>
    </message>
    <message>
        <source>The server does not speak TLS on port %1 (%2).</source>
        <translation>Der Server spricht auf Port %1 kein TLS (%2).</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The server accepted the TCP connection but did not complete the TLS handshake within %1 s.</source>
        <translation>Der Server hat die TCP-Verbindung angenommen, den TLS-Handshake aber nicht innerhalb von %1 s abgeschlossen.</translation>
    </message>
    <message>
        <source>No TLS connection to %1 port %2 within %3 s.</source>
        <translation>Keine TLS-Verbindung zu %1 Port %2 innerhalb von %3 s.</translation>
    </message>
</context>
<context>
    <name>gjd::TlsProtocolCheck</name>
    <message>
        <source>TLS version</source>
        <translation>TLS-Version</translation>
    </message>
    <message>
        <source>Enable TLS 1.2 and 1.3: nginx &quot;ssl_protocols TLSv1.2 TLSv1.3;&quot;; Omnibus nginx[&apos;ssl_protocols&apos;] = &quot;TLSv1.2 TLSv1.3&quot;.</source>
        <translation>Aktivieren Sie TLS 1.2 und 1.3: nginx „ssl_protocols TLSv1.2 TLSv1.3;“; Omnibus nginx[&apos;ssl_protocols&apos;] = &quot;TLSv1.2 TLSv1.3&quot;.</translation>
    </message>
    <message>
        <source>The server refuses TLS 1.2 and 1.3, which Jira Cloud and GitLab.com require.</source>
        <translation>Der Server lehnt TLS 1.2 und 1.3 ab, die Jira Cloud und GitLab.com verlangen.</translation>
    </message>
    <message>
        <source>Skipped: tls.handshake failed.</source>
        <translation>Übersprungen: tls.handshake ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Negotiated %1.</source>
        <translation>%1 ausgehandelt.</translation>
    </message>
    <message>
        <source>Negotiated %1; Jira Cloud and GitLab.com require TLS 1.2 or newer.</source>
        <translation>%1 ausgehandelt; Jira Cloud und GitLab.com verlangen TLS 1.2 oder neuer.</translation>
    </message>
</context>
<context>
    <name>gjd::TlsTrustPublicCheck</name>
    <message>
        <source>Publicly trusted</source>
        <translation>Öffentlich vertrauenswürdig</translation>
    </message>
    <message>
        <source>this computer&apos;s system trust store</source>
        <translation>der System-Vertrauensspeicher dieses Computers</translation>
    </message>
    <message>
        <source>Use a certificate from a public CA that GitLab.com and Atlassian trust, for example Let&apos;s Encrypt (Omnibus: letsencrypt[&apos;enable&apos;] = true), and serve it with its full chain.</source>
        <translation>Verwenden Sie ein Zertifikat einer öffentlichen CA, der GitLab.com und Atlassian vertrauen, zum Beispiel Let&apos;s Encrypt (Omnibus: letsencrypt[&apos;enable&apos;] = true), und senden Sie es mit vollständiger Kette.</translation>
    </message>
    <message>
        <source>The chain ends at %1, which %2 trusts.</source>
        <translation>Die Kette endet bei %1, dem %2 vertraut.</translation>
    </message>
    <message>
        <source>This computer&apos;s trust store stands in for the public one; a root that an administrator added here is not trusted by GitLab.com or Atlassian.</source>
        <translation>Der Vertrauensspeicher dieses Computers steht für den öffentlichen; ein Stammzertifikat, das ein Administrator hier hinzugefügt hat, ist für GitLab.com und Atlassian nicht vertrauenswürdig.</translation>
    </message>
    <message>
        <source>The chain is trusted only through --ca-file (%1, root %2): GitLab.com and Atlassian will not trust this.</source>
        <translation>Die Kette ist nur über --ca-file vertrauenswürdig (%1, Stammzertifikat %2): GitLab.com und Atlassian werden ihr nicht vertrauen.</translation>
    </message>
    <message>
        <source>A private CA is fine inside your network, but Jira Cloud and GitLab.com only accept certificates from public CAs.</source>
        <translation>Eine private CA ist innerhalb Ihres Netzes in Ordnung, aber Jira Cloud und GitLab.com akzeptieren nur Zertifikate öffentlicher CAs.</translation>
    </message>
    <message>
        <source>The certificate is self-signed: GitLab.com and Atlassian will not trust it.</source>
        <translation>Das Zertifikat ist selbstsigniert: GitLab.com und Atlassian werden ihm nicht vertrauen.</translation>
    </message>
    <message>
        <source>The chain ends at the unknown root %1, which %2 does not hold.</source>
        <translation>Die Kette endet beim unbekannten Stammzertifikat %1, das %2 nicht enthält.</translation>
    </message>
    <message>
        <source>Skipped: tls.chain.complete failed.</source>
        <translation>Übersprungen: tls.chain.complete ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>gjd::TlsValidityCheck</name>
    <message>
        <source>Certificates are within their validity</source>
        <translation>Zertifikate sind innerhalb ihrer Gültigkeit</translation>
    </message>
    <message>
        <source>The leaf certificate %1</source>
        <translation>Das Serverzertifikat %1</translation>
    </message>
    <message>
        <source>The CA certificate %1</source>
        <translation>Das CA-Zertifikat %1</translation>
    </message>
    <message>
        <source>The unused served certificate %1</source>
        <translation>Das nicht verwendete gesendete Zertifikat %1</translation>
    </message>
    <message>
        <source>%1 is not valid before %2.</source>
        <translation>%1 ist erst ab %2 gültig.</translation>
    </message>
    <message>
        <source>%1 expired on %2 (%3 days ago).</source>
        <translation>%1 ist am %2 abgelaufen (vor %3 Tagen).</translation>
    </message>
    <message>
        <source>%1 expires on %2, in %3 day(s).</source>
        <translation>%1 läuft am %2 ab, in %3 Tag(en).</translation>
    </message>
    <message>
        <source>Renew the expired or not-yet-valid certificate and serve the renewed chain (certbot renew, or Omnibus letsencrypt[&apos;auto_renew&apos;] = true). For a CA certificate, download the CA&apos;s current intermediate and rebuild the full-chain file.</source>
        <translation>Erneuern Sie das abgelaufene oder noch nicht gültige Zertifikat und senden Sie die erneuerte Kette (certbot renew oder Omnibus letsencrypt[&apos;auto_renew&apos;] = true). Bei einem CA-Zertifikat laden Sie das aktuelle Zwischenzertifikat der CA herunter und bauen die Full-Chain-Datei neu.</translation>
    </message>
    <message>
        <source>Renew the certificate now and make renewal automatic (certbot&apos;s timer, or Omnibus letsencrypt[&apos;auto_renew&apos;] = true).</source>
        <translation>Erneuern Sie das Zertifikat jetzt und automatisieren Sie die Erneuerung (der Timer von certbot oder Omnibus letsencrypt[&apos;auto_renew&apos;] = true).</translation>
    </message>
    <message>
        <source>Every served certificate is valid; the leaf expires on %1 (in %2 days).</source>
        <translation>Jedes gesendete Zertifikat ist gültig; das Serverzertifikat läuft am %1 ab (in %2 Tagen).</translation>
    </message>
</context>
</TS>
