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
  check &lt;URL&gt;       run the diagnostics against an instance
  configure &lt;URL&gt;   set up the OAuth application and the GitLab for Jira App settings
  show &lt;FILE&gt;       print a troubleshooting export or a report.json as check would
  diff &lt;OLD&gt; &lt;NEW&gt;  list what changed per check between two exports or reports

Run &quot;gitlab-jira-doctor-cli help &lt;command&gt;&quot; for the options of a command.
Options: --help, --version

Exit codes: 0 no failure (warnings allowed unless --strict), 1 at least one failure
(configure: not set up and verified; diff: a check got worse), 2 usage error or invalid
input, 3 internal error.
</source>
        <translation>Aufruf: gitlab-jira-doctor-cli &lt;Befehl&gt; [Optionen]

Prüft, was Jira Cloud und GitLab.com von einer selbstverwalteten GitLab-Instanz für die
GitLab-for-Jira-Cloud-App brauchen, und sagt genau, was zu beheben ist.

Befehle:
  check &lt;URL&gt;       die Diagnose gegen eine Instanz ausführen
  configure &lt;URL&gt;   die OAuth-Anwendung und die Einstellungen „GitLab for Jira App“ einrichten
  show &lt;FILE&gt;       einen Diagnose-Export oder eine report.json so ausgeben, wie check es täte
  diff &lt;OLD&gt; &lt;NEW&gt;  auflisten, was sich je Prüfung zwischen zwei Exporten oder Berichten geändert hat

„gitlab-jira-doctor-cli help &lt;Befehl&gt;“ zeigt die Optionen eines Befehls.
Optionen: --help, --version

Exit-Codes: 0 kein Fehler (Warnungen erlaubt außer mit --strict), 1 mindestens ein Fehler
(configure: nicht eingerichtet und bestätigt; diff: eine Prüfung hat sich verschlechtert),
2 Aufruffehler oder ungültige Eingabe, 3 interner Fehler.
</translation>
    </message>
    <message>
        <source>help takes one command; unexpected &quot;%1&quot;</source>
        <translation>help nimmt genau einen Befehl; unerwartet: „%1“</translation>
    </message>
    <message>
        <source>help: unknown command &quot;%1&quot;; the commands are check, configure, show and diff</source>
        <translation>help: unbekannter Befehl „%1“; die Befehle sind check, configure, show und diff</translation>
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
    <name>gjd::CheckCatalogue</name>
    <message>
        <source>Instance URL</source>
        <translation>Instanz-URL</translation>
    </message>
    <message>
        <source>Host name resolves</source>
        <translation>Host-Name wird aufgelöst</translation>
    </message>
    <message>
        <source>Addresses are publicly routable</source>
        <translation>Adressen sind öffentlich erreichbar</translation>
    </message>
    <message>
        <source>TCP connection</source>
        <translation>TCP-Verbindung</translation>
    </message>
    <message>
        <source>Port accepted by Atlassian</source>
        <translation>Port wird von Atlassian akzeptiert</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>TLS-Handshake</translation>
    </message>
    <message>
        <source>TLS version</source>
        <translation>TLS-Version</translation>
    </message>
    <message>
        <source>Certificate matches the host name</source>
        <translation>Zertifikat passt zum Host-Namen</translation>
    </message>
    <message>
        <source>Certificates are within their validity</source>
        <translation>Zertifikate sind innerhalb ihrer Gültigkeit</translation>
    </message>
    <message>
        <source>Certificate chain is complete</source>
        <translation>Zertifikatskette ist vollständig</translation>
    </message>
    <message>
        <source>Chain is served in order</source>
        <translation>Kette wird in der richtigen Reihenfolge gesendet</translation>
    </message>
    <message>
        <source>No unrelated certificates served</source>
        <translation>Keine fremden Zertifikate gesendet</translation>
    </message>
    <message>
        <source>Root certificate left out (optional)</source>
        <translation>Stammzertifikat nicht mitgesendet (optional)</translation>
    </message>
    <message>
        <source>Publicly trusted</source>
        <translation>Öffentlich vertrauenswürdig</translation>
    </message>
    <message>
        <source>Signatures and key sizes</source>
        <translation>Signaturen und Schlüssellängen</translation>
    </message>
    <message>
        <source>Leaf certificate may identify a server</source>
        <translation>Serverzertifikat darf einen Server ausweisen</translation>
    </message>
    <message>
        <source>Key exchange</source>
        <translation>Schlüsselaustausch</translation>
    </message>
    <message>
        <source>Size of the certificate message</source>
        <translation>Größe der Zertifikatsnachricht</translation>
    </message>
    <message>
        <source>No client certificate required</source>
        <translation>Kein Client-Zertifikat verlangt</translation>
    </message>
    <message>
        <source>GitLab answers over HTTPS</source>
        <translation>GitLab antwortet über HTTPS</translation>
    </message>
    <message>
        <source>GitLab API reachable</source>
        <translation>GitLab-API erreichbar</translation>
    </message>
    <message>
        <source>GitLab version</source>
        <translation>GitLab-Version</translation>
    </message>
    <message>
        <source>App descriptor served</source>
        <translation>App-Deskriptor wird bereitgestellt</translation>
    </message>
    <message>
        <source>Descriptor follows Atlassian&apos;s rules</source>
        <translation>Deskriptor folgt den Regeln von Atlassian</translation>
    </message>
    <message>
        <source>Descriptor baseUrl is the public URL</source>
        <translation>baseUrl des Deskriptors ist die öffentliche URL</translation>
    </message>
    <message>
        <source>Descriptor key matches the method</source>
        <translation>Deskriptor-Key passt zur Methode</translation>
    </message>
    <message>
        <source>Lifecycle endpoint accepts POST</source>
        <translation>Lifecycle-Endpunkt nimmt POST an</translation>
    </message>
    <message>
        <source>OAuth application ID published</source>
        <translation>OAuth-Anwendungs-ID veröffentlicht</translation>
    </message>
    <message>
        <source>CORS for GitLab.com&apos;s app pages</source>
        <translation>CORS für die App-Seiten von GitLab.com</translation>
    </message>
    <message>
        <source>OAuth callback page</source>
        <translation>OAuth-Callback-Seite</translation>
    </message>
    <message>
        <source>CORS for the OAuth token endpoint</source>
        <translation>CORS für den OAuth-Token-Endpunkt</translation>
    </message>
    <message>
        <source>Administrator token</source>
        <translation>Administrator-Token</translation>
    </message>
    <message>
        <source>Jira Connect Application ID</source>
        <translation>Jira Connect Application ID</translation>
    </message>
    <message>
        <source>Jira Connect Proxy URL</source>
        <translation>Jira Connect Proxy URL</translation>
    </message>
    <message>
        <source>Public key storage</source>
        <translation>Speicherung öffentlicher Schlüssel</translation>
    </message>
    <message>
        <source>Additional audience URL</source>
        <translation>Zusätzliche Audience-URL</translation>
    </message>
    <message>
        <source>OAuth application</source>
        <translation>OAuth-Anwendung</translation>
    </message>
    <message>
        <source>OAuth application not trusted</source>
        <translation>OAuth-Anwendung nicht als Vertrauenswürdig markiert</translation>
    </message>
    <message>
        <source>Jira sign-in</source>
        <translation>Jira-Anmeldung</translation>
    </message>
    <message>
        <source>Jira user is a site or organization admin</source>
        <translation>Jira-Benutzer ist Site- oder Organisations-Admin</translation>
    </message>
    <message>
        <source>Jira permission Browse users and groups</source>
        <translation>Jira-Berechtigung „Benutzer und Gruppen durchsuchen“</translation>
    </message>
    <message>
        <source>Install type</source>
        <translation>Art der Installation</translation>
    </message>
    <message>
        <source>Atlassian Connect end of support</source>
        <translation>Ende des Supports für Atlassian Connect</translation>
    </message>
    <message>
        <source>Forge upgrade of the Marketplace app approved in Jira</source>
        <translation>Forge-Upgrade der Marketplace-App in Jira genehmigt</translation>
    </message>
    <message>
        <source>Forge app ID</source>
        <translation>Forge-App-ID</translation>
    </message>
    <message>
        <source>Forge installation endpoint reachable</source>
        <translation>Forge-Installationsendpunkt erreichbar</translation>
    </message>
    <message>
        <source>Native Forge traffic allowed</source>
        <translation>Verkehr für natives Forge erlaubt</translation>
    </message>
    <message>
        <source>Reachable from GitLab.com and Atlassian</source>
        <translation>Erreichbar von GitLab.com und Atlassian</translation>
    </message>
    <message>
        <source>The instance reaches GitLab.com and Atlassian</source>
        <translation>Die Instanz erreicht GitLab.com und Atlassian</translation>
    </message>
</context>
<context>
    <name>gjd::CheckCommand</name>
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
        <source>Run only these checks (ids or prefixes such as tls.).</source>
        <translation>Nur diese Prüfungen ausführen (IDs oder Präfixe wie tls.).</translation>
    </message>
    <message>
        <source>Do not run these checks (ids or prefixes).</source>
        <translation>Diese Prüfungen nicht ausführen (IDs oder Präfixe).</translation>
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
        <source>--method must be auto, marketplace, manual or proxy (got &quot;%1&quot;)</source>
        <translation>--method muss auto, marketplace, manual oder proxy sein (erhalten: „%1“)</translation>
    </message>
    <message>
        <source>no check matches &quot;%1&quot; (see the ids in the report)</source>
        <translation>keine Prüfung passt zu „%1“ (siehe die IDs im Bericht)</translation>
    </message>
    <message>
        <source>GitLab administrator token for the settings checks (Enter to skip): </source>
        <translation>GitLab-Administrator-Token für die Einstellungsprüfungen (Eingabetaste zum Überspringen): </translation>
    </message>
    <message>
        <source>Checks a GitLab instance the way Jira Cloud and GitLab.com see it: network, TLS, the Jira Connect endpoints and, with an administrator token in GITLAB_TOKEN (or typed at the prompt), the GitLab settings.</source>
        <translation>Prüft eine GitLab-Instanz so, wie Jira Cloud und GitLab.com sie sehen: Netzwerk, TLS, die Jira-Connect-Endpunkte und – mit einem Administrator-Token in GITLAB_TOKEN (oder an der Eingabeaufforderung eingegeben) – die GitLab-Einstellungen.</translation>
    </message>
    <message>
        <source>--only needs at least one check id or prefix</source>
        <translation>--only braucht mindestens eine Prüfungs-ID oder ein Präfix</translation>
    </message>
    <message>
        <source>Your Jira Cloud site, such as https://your-site.atlassian.net: enables the Jira user checks (API token in JIRA_API_TOKEN).</source>
        <translation>Ihre Jira-Cloud-Site, etwa https://your-site.atlassian.net: aktiviert die Prüfungen des Jira-Benutzers (API-Token in JIRA_API_TOKEN).</translation>
    </message>
    <message>
        <source>The email of the Jira user who installs the app.</source>
        <translation>Die E-Mail-Adresse des Jira-Benutzers, der die App installiert.</translation>
    </message>
    <message>
        <source>--jira-site and --jira-email go together</source>
        <translation>--jira-site und --jira-email gehören zusammen</translation>
    </message>
    <message>
        <source>invalid --jira-site &quot;%1&quot;: %2</source>
        <translation>ungültige --jira-site „%1“: %2</translation>
    </message>
    <message>
        <source>--jira-email &quot;%1&quot; is not an email address</source>
        <translation>--jira-email „%1“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Jira API token of %1 (Enter to skip the Jira checks): </source>
        <translation>Jira-API-Token von %1 (Eingabetaste überspringt die Jira-Prüfungen): </translation>
    </message>
    <message>
        <source>Also write a troubleshooting export (a ZIP to attach to a support ticket) to FILE.</source>
        <translation>Zusätzlich einen Diagnose-Export (ein ZIP zum Anhängen an ein Support-Ticket) in DATEI schreiben.</translation>
    </message>
    <message>
        <source>What the export removes: secrets (default: tokens, cookies, Authorization values, OAuth secrets) or identities (also host names, addresses, emails, account ids and user names, replaced by pseudonyms such as host-1).</source>
        <translation>Was der Export entfernt: secrets (Standard: Tokens, Cookies, Authorization-Werte, OAuth-Secrets) oder identities (zusätzlich Host-Namen, Adressen, E-Mail-Adressen, Konto-IDs und Benutzernamen, ersetzt durch Pseudonyme wie host-1).</translation>
    </message>
    <message>
        <source>--redact must be secrets or identities (got &quot;%1&quot;)</source>
        <translation>--redact muss secrets oder identities sein (erhalten: „%1“)</translation>
    </message>
    <message>
        <source>--redact applies to --export; add --export FILE.zip</source>
        <translation>--redact gilt nur zusammen mit --export; --export DATEI.zip ergänzen</translation>
    </message>
    <message>
        <source>--output and --export name the same file</source>
        <translation>--output und --export nennen dieselbe Datei</translation>
    </message>
    <message>
        <source>Output format: text (default), json, junit, markdown, html or openmetrics (Prometheus).</source>
        <translation>Ausgabeformat: text (Standard), json, junit, markdown, html oder openmetrics (Prometheus).</translation>
    </message>
    <message>
        <source>Check every instance of FILE (one URL a line, with its own --public-url, --method, --jira-site, --jira-email, --resolve or --ca-file; # comments) instead of one URL.</source>
        <translation>Jede Instanz aus DATEI prüfen statt einer einzelnen URL (eine URL je Zeile, jeweils mit eigenem --public-url, --method, --jira-site, --jira-email, --resolve oder --ca-file; # leitet Kommentare ein).</translation>
    </message>
    <message>
        <source>With --targets: how many instances run at the same time (default %1, at most %2).</source>
        <translation>Mit --targets: wie viele Instanzen gleichzeitig geprüft werden (Standard %1, höchstens %2).</translation>
    </message>
    <message>
        <source>With --targets: also write each instance&apos;s report (JSON) and troubleshooting export (ZIP) into DIR.</source>
        <translation>Mit --targets: zusätzlich für jede Instanz den Bericht (JSON) und den Diagnose-Export (ZIP) in VERZEICHNIS schreiben.</translation>
    </message>
    <message>
        <source>Show no progress on standard error (shown only when it is a terminal).</source>
        <translation>Keinen Fortschritt auf der Standardfehlerausgabe anzeigen (er erscheint nur, wenn diese ein Terminal ist).</translation>
    </message>
    <message>
        <source>check --targets takes no URL: the file names the instances (unexpected &quot;%1&quot;)</source>
        <translation>check --targets nimmt keine URL: Die Datei nennt die Instanzen (unerwartet: „%1“)</translation>
    </message>
    <message>
        <source>--%1 goes with --targets</source>
        <translation>--%1 gilt nur zusammen mit --targets</translation>
    </message>
    <message>
        <source>--format %1 shows one instance; with --targets use %2</source>
        <translation>--format %1 zeigt eine einzelne Instanz; mit --targets %2 verwenden</translation>
    </message>
    <message>
        <source>--export writes one instance&apos;s export; with --targets use --output-dir DIR</source>
        <translation>--export schreibt den Export einer einzelnen Instanz; mit --targets --output-dir VERZEICHNIS verwenden</translation>
    </message>
    <message>
        <source>--parallel must be a whole number from 1 to %1 (got &quot;%2&quot;)</source>
        <translation>--parallel muss eine ganze Zahl von 1 bis %1 sein (erhalten: „%2“)</translation>
    </message>
    <message>
        <source>--output-dir: cannot create %1</source>
        <translation>--output-dir: %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>--output-dir: %1 is not a folder this program can write to</source>
        <translation>--output-dir: %1 ist kein Ordner, in den dieses Programm schreiben kann</translation>
    </message>
    <message>
        <source>--targets: %1</source>
        <translation>--targets: %1</translation>
    </message>
    <message>
        <source>--targets: %1 names no instance</source>
        <translation>--targets: %1 nennt keine Instanz</translation>
    </message>
    <message>
        <source>gitlab-jira-doctor-cli: GITLAB_TOKEN is not used with --targets (it would reach every instance); --use-keychain reads each instance&apos;s own token.
</source>
        <translation>gitlab-jira-doctor-cli: GITLAB_TOKEN wird mit --targets nicht verwendet (es ginge an jede Instanz); --use-keychain liest das eigene Token jeder Instanz.
</translation>
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
    <message>
        <source>Not decided: the %1 probe did not end within the run&apos;s time bound.</source>
        <translation>Nicht entschieden: Der Test %1 endete nicht innerhalb der Zeitgrenze des Laufs.</translation>
    </message>
    <message>
        <source>Internal error: this check waits for %1, which is never decided.</source>
        <translation>Interner Fehler: Diese Prüfung wartet auf %1, das nie entschieden wird.</translation>
    </message>
    <message>
        <source>Not decided: the %1 probe could not start within the run&apos;s time bound.</source>
        <translation>Nicht entschieden: Der Test %1 konnte innerhalb der Zeitgrenze des Laufs nicht beginnen.</translation>
    </message>
    <message>
        <source>Loading the system&apos;s trusted certificates…</source>
        <translation>Die vertrauenswürdigen Zertifikate des Systems werden geladen…</translation>
    </message>
    <message>
        <source>Waiting for %1…</source>
        <translation>Wartet auf %1…</translation>
    </message>
    <message>
        <source>Waiting until the installation method is known…</source>
        <translation>Wartet, bis die Installationsmethode bekannt ist…</translation>
    </message>
    <message>
        <source>Not part of this run.</source>
        <translation>Nicht Teil dieses Laufs.</translation>
    </message>
</context>
<context>
    <name>gjd::Clock</name>
    <message>
        <source>GJD_NOW is not an instant in ISO 8601 with a time zone, such as 2026-12-02T12:00:00Z: unset it to use the system clock.</source>
        <translation>GJD_NOW ist kein Zeitpunkt in ISO 8601 mit Zeitzone wie 2026-12-02T12:00:00Z: Entfernen Sie die Variable, um die Systemuhr zu verwenden.</translation>
    </message>
</context>
<context>
    <name>gjd::ConfigureCommand</name>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <source>Installation method: marketplace, manual or proxy (required).</source>
        <translation>Installationsmethode: marketplace, manual oder proxy (erforderlich).</translation>
    </message>
    <message>
        <source>Print the plan and change nothing.</source>
        <translation>Den Plan ausgeben und nichts ändern.</translation>
    </message>
    <message>
        <source>Apply the plan without asking.</source>
        <translation>Den Plan ohne Rückfrage anwenden.</translation>
    </message>
    <message>
        <source>Delete a misconfigured OAuth application the Application ID setting points at, and create a correct one (shown in the plan first).</source>
        <translation>Eine falsch eingerichtete OAuth-Anwendung, auf die die Einstellung Application ID zeigt, löschen und eine richtige anlegen (vorher im Plan gezeigt).</translation>
    </message>
    <message>
        <source>Output format: text (default) or json.</source>
        <translation>Ausgabeformat: text (Standard) oder json.</translation>
    </message>
    <message>
        <source>The GitLab instance, such as https://gitlab.example.com.</source>
        <translation>Die GitLab-Instanz, zum Beispiel https://gitlab.example.com.</translation>
    </message>
    <message>
        <source>Usage: gitlab-jira-doctor-cli configure [options] URL --method marketplace|manual|proxy</source>
        <translation>Aufruf: gitlab-jira-doctor-cli configure [Optionen] URL --method marketplace|manual|proxy</translation>
    </message>
    <message>
        <source>Sets up the GitLab side of the GitLab for Jira Cloud app: the OAuth application and the GitLab for Jira App settings. Shows the plan, applies only what differs, reads it back. The administrator token comes from GITLAB_TOKEN, the keychain (--use-keychain) or a prompt.</source>
        <translation>Richtet die GitLab-Seite der GitLab-for-Jira-Cloud-App ein: die OAuth-Anwendung und die Einstellungen „GitLab for Jira App“. Zeigt den Plan, wendet nur an, was abweicht, und liest es zurück. Das Administrator-Token kommt aus GITLAB_TOKEN, dem Schlüsselbund (--use-keychain) oder einer Eingabeaufforderung.</translation>
    </message>
    <message>
        <source>configure needs the instance URL, such as https://gitlab.example.com</source>
        <translation>configure braucht die URL der Instanz, etwa https://gitlab.example.com</translation>
    </message>
    <message>
        <source>configure takes one URL; unexpected &quot;%1&quot;</source>
        <translation>configure nimmt eine URL; unerwartet: „%1“</translation>
    </message>
    <message>
        <source>configure needs --method marketplace, manual or proxy</source>
        <translation>configure braucht --method marketplace, manual oder proxy</translation>
    </message>
    <message>
        <source>--method must be marketplace, manual or proxy (got &quot;%1&quot;)</source>
        <translation>--method muss marketplace, manual oder proxy sein (erhalten: „%1“)</translation>
    </message>
    <message>
        <source>--format must be text or json (got &quot;%1&quot;)</source>
        <translation>--format muss text oder json sein (erhalten: „%1“)</translation>
    </message>
    <message>
        <source>--dry-run and --yes contradict each other</source>
        <translation>--dry-run und --yes widersprechen sich</translation>
    </message>
    <message>
        <source>GitLab administrator token (scope api): </source>
        <translation>GitLab-Administrator-Token (Bereich api): </translation>
    </message>
    <message>
        <source>configure needs an administrator token: set GITLAB_TOKEN, or use --use-keychain with a token the desktop program saved</source>
        <translation>configure braucht ein Administrator-Token: GITLAB_TOKEN setzen oder --use-keychain mit einem Token nutzen, das das Desktop-Programm gespeichert hat</translation>
    </message>
    <message>
        <source>Dry run: nothing was changed.</source>
        <translation>Probelauf: nichts wurde geändert.</translation>
    </message>
    <message>
        <source>not applied: configure changes GitLab only after a confirmation; pass --yes when there is no terminal to ask on</source>
        <translation>nicht angewendet: configure ändert GitLab nur nach einer Bestätigung; ohne Terminal für die Rückfrage --yes angeben</translation>
    </message>
    <message>
        <source>Not applied: nothing was changed.</source>
        <translation>Nicht angewendet: nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Apply these changes to %1? [y/N] </source>
        <translation>Diese Änderungen auf %1 anwenden? [j/N] </translation>
    </message>
    <message>
        <source>y</source>
        <translation>j</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>Was zu tun ist: %1</translation>
    </message>
    <message>
        <source>With --method marketplace: delete the OAuth applications of a legacy manual or proxy install (this instance&apos;s own Jira callback), after the settings point at the new one. Without it they stay.</source>
        <translation>Mit --method marketplace: die OAuth-Anwendungen einer alten manuellen oder Proxy-Installation (mit dem eigenen Jira-Callback dieser Instanz) löschen, nachdem die Einstellungen auf die neue zeigen. Ohne diese Option bleiben sie erhalten.</translation>
    </message>
    <message>
        <source>--remove-old-application goes with --method marketplace only</source>
        <translation>--remove-old-application gibt es nur zusammen mit --method marketplace</translation>
    </message>
</context>
<context>
    <name>gjd::ConnectCorsCheck</name>
    <message>
        <source>oauth_application_id allows the origin %1 (GET and preflight).</source>
        <translation>oauth_application_id erlaubt den Origin %1 (GET und Preflight).</translation>
    </message>
    <message>
        <source>no Access-Control-Allow-Origin header</source>
        <translation>keinen Access-Control-Allow-Origin-Header</translation>
    </message>
    <message>
        <source>Access-Control-Allow-Origin &quot;%1&quot; / &quot;%2&quot; instead of %3</source>
        <translation>Access-Control-Allow-Origin „%1“ / „%2“ statt %3</translation>
    </message>
    <message>
        <source>GitLab answers GitLab.com&apos;s app pages with %1, because the Jira Connect Proxy URL is &quot;%2&quot;, not exactly %3 (GitLab compares the strings).</source>
        <translation>GitLab liefert den App-Seiten von GitLab.com %1, weil die Jira Connect Proxy URL „%2“ lautet und nicht genau %3 (GitLab vergleicht die Zeichenketten).</translation>
    </message>
    <message>
        <source>Set the Jira Connect Proxy URL to exactly https://gitlab.com — no trailing slash.</source>
        <translation>Setzen Sie die Jira Connect Proxy URL auf genau https://gitlab.com – ohne abschließenden Schrägstrich.</translation>
    </message>
    <message>
        <source>The proxy URL setting is right, but the answers carry %1: the reverse proxy strips GitLab&apos;s CORS headers.</source>
        <translation>Die Einstellung der Proxy-URL stimmt, aber die Antworten enthalten %1: Der Reverse Proxy entfernt die CORS-Header von GitLab.</translation>
    </message>
    <message>
        <source>Remove proxy_hide_header Access-Control-Allow-Origin (and any add_header that replaces it) for /-/jira_connect/ in the reverse proxy.</source>
        <translation>Entfernen Sie im Reverse Proxy für /-/jira_connect/ proxy_hide_header Access-Control-Allow-Origin (und jedes add_header, das den Header ersetzt).</translation>
    </message>
    <message>
        <source>GitLab.com&apos;s app pages get %1 from oauth_application_id, so the browser refuses the answer.</source>
        <translation>Die App-Seiten von GitLab.com erhalten von oauth_application_id %1, daher weist der Browser die Antwort zurück.</translation>
    </message>
    <message>
        <source>oauth_application_id does not reach GitLab (%1), so GitLab.com&apos;s app pages get no CORS answer from GitLab at all.</source>
        <translation>oauth_application_id erreicht GitLab nicht (%1), daher bekommen die App-Seiten von GitLab.com überhaupt keine CORS-Antwort von GitLab.</translation>
    </message>
    <message>
        <source>an HTML page with %1</source>
        <translation>eine HTML-Seite mit %1</translation>
    </message>
    <message>
        <source>Make the reverse proxy pass /-/jira_connect/ to GitLab unchanged (see connect.oauth_application_id).</source>
        <translation>Lassen Sie den Reverse Proxy /-/jira_connect/ unverändert an GitLab weiterreichen (siehe connect.oauth_application_id).</translation>
    </message>
    <message>
        <source>Set the Jira Connect Proxy URL to exactly https://gitlab.com (no trailing slash); if it is, the reverse proxy strips the CORS headers (proxy_hide_header Access-Control-Allow-Origin). With an admin token (%1) this check tells which.</source>
        <translation>Setzen Sie die Jira Connect Proxy URL auf genau https://gitlab.com (ohne abschließenden Schrägstrich); ist sie das schon, entfernt der Reverse Proxy die CORS-Header (proxy_hide_header Access-Control-Allow-Origin). Mit einem Administrator-Token (%1) sagt diese Prüfung, was von beiden zutrifft.</translation>
    </message>
</context>
<context>
    <name>gjd::ConnectDescriptorBaseUrlCheck</name>
    <message>
        <source>Make the reverse proxy send the public host name to GitLab: nginx &quot;proxy_set_header Host %1;&quot; (GitLab builds baseUrl from the Host header). From GitLab 17.7 also set the Jira Connect Additional Audience URL to %2.</source>
        <translation>Lassen Sie den Reverse Proxy den öffentlichen Host-Namen an GitLab senden: nginx „proxy_set_header Host %1;“ (GitLab bildet baseUrl aus dem Host-Header). Ab GitLab 17.7 setzen Sie außerdem die Jira Connect Additional Audience URL auf %2.</translation>
    </message>
    <message>
        <source>baseUrl %1 uses http; Jira Cloud requires https.</source>
        <translation>baseUrl %1 verwendet http; Jira Cloud verlangt https.</translation>
    </message>
    <message>
        <source>Set external_url to https://… in gitlab.rb, and keep gitlab.yml&apos;s jira_connect.enforce_jira_base_url_https at its default (true).</source>
        <translation>Setzen Sie external_url in gitlab.rb auf https://…, und belassen Sie jira_connect.enforce_jira_base_url_https in gitlab.yml auf dem Standardwert (true).</translation>
    </message>
    <message>
        <source>baseUrl is %1, but Jira reaches the instance as %2: GitLab does not see the public host name, so Jira&apos;s tokens fail with &quot;Invalid audience&quot;.</source>
        <translation>baseUrl ist %1, aber Jira erreicht die Instanz als %2: GitLab sieht den öffentlichen Host-Namen nicht, daher schlagen die Tokens von Jira mit „Invalid audience“ fehl.</translation>
    </message>
    <message>
        <source>baseUrl %1 has the path %2; expected %3/-/jira_connect.</source>
        <translation>baseUrl %1 hat den Pfad %2; erwartet: %3/-/jira_connect.</translation>
    </message>
    <message>
        <source>Serve GitLab under the same relative root publicly and internally (gitlab.rb external_url with the path), or make the reverse proxy map the paths one to one.</source>
        <translation>Stellen Sie GitLab öffentlich und intern unter demselben relativen Pfad bereit (external_url in gitlab.rb mit dem Pfad), oder lassen Sie den Reverse Proxy die Pfade eins zu eins abbilden.</translation>
    </message>
    <message>
        <source>baseUrl %1 matches the public URL.</source>
        <translation>baseUrl %1 stimmt mit der öffentlichen URL überein.</translation>
    </message>
</context>
<context>
    <name>gjd::ConnectDescriptorCheck</name>
    <message>
        <source>Make the reverse proxy pass /-/jira_connect/ to GitLab unchanged (nginx: a &quot;location /&quot; with proxy_pass to GitLab, and no location, auth_request or WAF rule that catches /-/jira_connect/).</source>
        <translation>Lassen Sie den Reverse Proxy /-/jira_connect/ unverändert an GitLab weiterreichen (nginx: eine „location /“ mit proxy_pass zu GitLab und keine location, kein auth_request und keine WAF-Regel, die /-/jira_connect/ abfängt).</translation>
    </message>
    <message>
        <source>%1 is larger than 1 MiB; GitLab&apos;s descriptor is about 3 KiB.</source>
        <translation>%1 ist größer als 1 MiB; der Deskriptor von GitLab hat etwa 3 KiB.</translation>
    </message>
    <message>
        <source>%1 gave no complete answer: %2</source>
        <translation>%1 hat keine vollständige Antwort geliefert: %2</translation>
    </message>
    <message>
        <source>%1 answered %2 instead of the descriptor.</source>
        <translation>%1 hat mit %2 statt mit dem Deskriptor geantwortet.</translation>
    </message>
    <message>
        <source>%1 answered 200, but not with the descriptor: %2</source>
        <translation>%1 hat mit 200 geantwortet, aber nicht mit dem Deskriptor: %2</translation>
    </message>
    <message>
        <source>Served at %1: key %2, baseUrl %3.</source>
        <translation>Bereitgestellt unter %1: key %2, baseUrl %3.</translation>
    </message>
</context>
<context>
    <name>gjd::ConnectDescriptorKeyCheck</name>
    <message>
        <source>Remove the reverse-proxy rule that rewrites response bodies for /-/jira_connect/ (nginx sub_filter, Apache Substitute, a WAF&apos;s response rewriting): the key gitlab-jira-connect-… must reach Jira unchanged.</source>
        <translation>Entfernen Sie die Reverse-Proxy-Regel, die Antwortinhalte für /-/jira_connect/ umschreibt (nginx sub_filter, Apache Substitute, das Umschreiben von Antworten durch eine WAF): Der Key gitlab-jira-connect-… muss Jira unverändert erreichen.</translation>
    </message>
    <message>
        <source>The key differs between the public URL (%1) and the instance (%2): the reverse proxy rewrites it.</source>
        <translation>Der Key unterscheidet sich zwischen der öffentlichen URL (%1) und der Instanz (%2): Der Reverse Proxy schreibt ihn um.</translation>
    </message>
    <message>
        <source>The descriptor&apos;s key is %1, but GitLab&apos;s settings make it %2: something between GitLab and Jira rewrites it.</source>
        <translation>Der Key des Deskriptors ist %1, nach den Einstellungen von GitLab müsste er aber %2 lauten: Etwas zwischen GitLab und Jira schreibt ihn um.</translation>
    </message>
    <message>
        <source>The key %1 is not of GitLab&apos;s form gitlab-jira-connect-&lt;host&gt;: a reverse proxy or filter rewrites it.</source>
        <translation>Der Key %1 hat nicht die Form gitlab-jira-connect-&lt;host&gt;, die GitLab verwendet: Ein Reverse Proxy oder Filter schreibt ihn um.</translation>
    </message>
    <message>
        <source>The key is %1, so the Jira Connect Proxy URL is not set: the Marketplace app expects %2.</source>
        <translation>Der Key ist %1, also ist die Jira Connect Proxy URL nicht gesetzt: Die Marketplace-App erwartet %2.</translation>
    </message>
    <message>
        <source>The key is %1: the Jira Connect Proxy URL is still set, so Jira refuses a manual install of this app.</source>
        <translation>Der Key ist %1: Die Jira Connect Proxy URL ist noch gesetzt, daher lehnt Jira eine manuelle Installation dieser App ab.</translation>
    </message>
    <message>
        <source>Clear Admin → Settings → General → GitLab for Jira App → Jira Connect Proxy URL (in GitLab 15.7, in the Rails console: ApplicationSetting.current_without_cache.update(jira_connect_proxy_url: nil)).</source>
        <translation>Leeren Sie Admin → Settings → General → GitLab for Jira App → Jira Connect Proxy URL (in GitLab 15.7 in der Rails-Konsole: ApplicationSetting.current_without_cache.update(jira_connect_proxy_url: nil)).</translation>
    </message>
    <message>
        <source>The key %1 names %2 (GitLab&apos;s external_url), not the public host %3: normal behind a reverse proxy; Jira will show the app under this key.</source>
        <translation>Der Key %1 nennt %2 (die external_url von GitLab), nicht den öffentlichen Host %3: Hinter einem Reverse Proxy ist das normal; Jira zeigt die App unter diesem Key an.</translation>
    </message>
    <message>
        <source>The key %1 matches the %2 method.</source>
        <translation>Der Key %1 passt zur Methode %2.</translation>
    </message>
    <message>
        <source>The key is %1: the Jira Connect Proxy URL has a path or a trailing slash, so the key is not the Marketplace app&apos;s %2 (and a &quot;/&quot; is not even allowed in a key).</source>
        <translation>Der Key ist %1: Die Jira Connect Proxy URL hat einen Pfad oder einen abschließenden Schrägstrich, daher entspricht der Key nicht dem Key %2 der Marketplace-App (und ein „/“ ist in einem Key nicht einmal erlaubt).</translation>
    </message>
    <message>
        <source>Set Admin → Settings → General → GitLab for Jira App → Jira Connect Proxy URL to exactly https://gitlab.com — no trailing slash.</source>
        <translation>Setzen Sie Admin → Settings → General → GitLab for Jira App → Jira Connect Proxy URL auf genau https://gitlab.com – ohne abschließenden Schrägstrich.</translation>
    </message>
    <message>
        <source>This instance is set up for the Marketplace app: keep it and check it with --method marketplace. %1</source>
        <translation>Diese Instanz ist für die Marketplace-App eingerichtet: Behalten Sie das bei und prüfen Sie sie mit --method marketplace. %1</translation>
    </message>
    <message>
        <source>Set Admin → Settings → General → GitLab for Jira App → Jira Connect Proxy URL to https://gitlab.com (exactly, no trailing slash), or use %1.</source>
        <translation>Setzen Sie Admin → Settings → General → GitLab for Jira App → Jira Connect Proxy URL auf https://gitlab.com (genau so, ohne abschließenden Schrägstrich), oder verwenden Sie %1.</translation>
    </message>
</context>
<context>
    <name>gjd::ConnectDescriptorSchemaCheck</name>
    <message>
        <source>Key, baseUrl, authentication, lifecycle, modules and scopes are all acceptable.</source>
        <translation>Key, baseUrl, authentication, lifecycle, modules und scopes sind alle zulässig.</translation>
    </message>
    <message>
        <source>GitLab generates this descriptor itself; a descriptor that breaks these rules was changed on the way (a reverse proxy rewriting the body) or does not come from GitLab. Remove the rewriting rule.</source>
        <translation>GitLab erzeugt diesen Deskriptor selbst; ein Deskriptor, der gegen diese Regeln verstößt, wurde unterwegs verändert (von einem Reverse Proxy, der den Inhalt umschreibt) oder stammt nicht von GitLab. Entfernen Sie die Regel, die ihn umschreibt.</translation>
    </message>
    <message>
        <source>The &quot;/&quot; comes from the Jira Connect Proxy URL setting, whose path GitLab appends to the key: set it to exactly https://gitlab.com (no trailing slash).</source>
        <translation>Der „/“ stammt aus der Einstellung Jira Connect Proxy URL, deren Pfad GitLab an den Schlüssel anhängt: Setzen Sie sie auf genau https://gitlab.com (ohne abschließenden Schrägstrich).</translation>
    </message>
</context>
<context>
    <name>gjd::ConnectLifecycleCheck</name>
    <message>
        <source>Let POST requests to /-/jira_connect/events/ through to GitLab: remove the WAF rule, limit_except or &quot;location&quot; that blocks them (GitLab.com and Jira send the install events there).</source>
        <translation>Lassen Sie POST-Anfragen an /-/jira_connect/events/ bis zu GitLab durch: Entfernen Sie die WAF-Regel, das limit_except oder die „location“, die sie blockiert (GitLab.com und Jira senden die Installationsereignisse dorthin).</translation>
    </message>
    <message>
        <source>POST %1 gave no complete answer: %2</source>
        <translation>POST %1 hat keine vollständige Antwort geliefert: %2</translation>
    </message>
    <message>
        <source>POST %1 without a token answers 401, as GitLab does.</source>
        <translation>POST %1 ohne Token antwortet mit 401, wie es GitLab tut.</translation>
    </message>
    <message>
        <source>POST %1 answered 404: the route does not reach GitLab, or the instance&apos;s integration allowlist excludes the GitLab for Jira Cloud app.</source>
        <translation>POST %1 hat mit 404 geantwortet: Die Route erreicht GitLab nicht, oder die Integrations-Zulassungsliste der Instanz schließt die GitLab for Jira Cloud-App aus.</translation>
    </message>
    <message>
        <source>Allow the GitLab for Jira Cloud app in Admin → Settings → General → Integrations (allowlist), and make the reverse proxy pass /-/jira_connect/ to GitLab.</source>
        <translation>Lassen Sie die GitLab for Jira Cloud-App unter Admin → Settings → General → Integrations (Zulassungsliste) zu, und lassen Sie den Reverse Proxy /-/jira_connect/ an GitLab weiterreichen.</translation>
    </message>
    <message>
        <source>POST %1 answered %2 without a token: whatever answers is not GitLab.</source>
        <translation>POST %1 hat ohne Token mit %2 geantwortet: Was da antwortet, ist nicht GitLab.</translation>
    </message>
    <message>
        <source>Point the reverse proxy&apos;s /-/jira_connect/ at GitLab.</source>
        <translation>Lassen Sie /-/jira_connect/ im Reverse Proxy auf GitLab zeigen.</translation>
    </message>
    <message>
        <source> (an HTML page)</source>
        <translation> (eine HTML-Seite)</translation>
    </message>
    <message>
        <source>POST %1 answered %2%3 instead of 401: a proxy or WAF blocks the install events.</source>
        <translation>POST %1 hat mit %2%3 statt mit 401 geantwortet: Ein Proxy oder eine WAF blockiert die Installationsereignisse.</translation>
    </message>
</context>
<context>
    <name>gjd::ConnectOAuthApplicationIdCheck</name>
    <message>
        <source>%1 gave no complete answer: %2</source>
        <translation>%1 hat keine vollständige Antwort geliefert: %2</translation>
    </message>
    <message>
        <source>Make the reverse proxy pass /-/jira_connect/ to GitLab.</source>
        <translation>Lassen Sie den Reverse Proxy /-/jira_connect/ an GitLab weiterreichen.</translation>
    </message>
    <message>
        <source>%1 answered 404: the Jira Connect Application ID is not set.</source>
        <translation>%1 hat mit 404 geantwortet: Die Jira Connect Application ID ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>The app can read the OAuth application ID (%1).</source>
        <translation>Die App kann die OAuth-Anwendungs-ID lesen (%1).</translation>
    </message>
    <message>
        <source>%1 answered %2 without an application ID%3.</source>
        <translation>%1 hat mit %2 geantwortet, ohne Anwendungs-ID%3.</translation>
    </message>
    <message>
        <source>Make the reverse proxy pass /-/jira_connect/ to GitLab unchanged (no location, error page or sign-in redirect of its own for these paths).</source>
        <translation>Lassen Sie den Reverse Proxy /-/jira_connect/ unverändert an GitLab weiterreichen (keine eigene location, Fehlerseite oder Weiterleitung zur Anmeldung für diese Pfade).</translation>
    </message>
    <message>
        <source>%1 answered %2: %3 The request does not reach GitLab.</source>
        <translation>%1 hat mit %2 geantwortet: %3 Die Anfrage erreicht GitLab nicht.</translation>
    </message>
    <message>
        <source>%1 answered 404 although the Jira Connect Application ID is set: the request does not reach GitLab&apos;s Jira Connect controller.</source>
        <translation>%1 hat mit 404 geantwortet, obwohl die Jira Connect Application ID gesetzt ist: Die Anfrage erreicht den Jira-Connect-Controller von GitLab nicht.</translation>
    </message>
    <message>
        <source>Make the reverse proxy pass /-/jira_connect/oauth_application_id to GitLab unchanged. If it does: %1</source>
        <translation>Lassen Sie den Reverse Proxy /-/jira_connect/oauth_application_id unverändert an GitLab weiterreichen. Falls er das tut: %1</translation>
    </message>
    <message>
        <source>Create the OAuth application and enter its Application ID in Admin → Settings → General → GitLab for Jira App → Jira Connect Application ID (%1 does both).</source>
        <translation>Legen Sie die OAuth-Anwendung an und tragen Sie ihre Application ID unter Admin → Settings → General → GitLab for Jira App → Jira Connect Application ID ein (%1 erledigt beides).</translation>
    </message>
</context>
<context>
    <name>gjd::ConnectOAuthCallbacksCheck</name>
    <message>
        <source>%1 answers 200.</source>
        <translation>%1 antwortet mit 200.</translation>
    </message>
    <message>
        <source>%1 answered %2: the OAuth sign-in cannot return to GitLab.</source>
        <translation>%1 hat nicht mit 200 geantwortet (%2): Die OAuth-Anmeldung kann nicht zu GitLab zurückkehren.</translation>
    </message>
    <message>
        <source>Make the reverse proxy pass /-/jira_connect/oauth_callbacks to GitLab; the OAuth application&apos;s redirect URI must be exactly this URL.</source>
        <translation>Lassen Sie den Reverse Proxy /-/jira_connect/oauth_callbacks an GitLab weiterreichen; die Redirect-URI der OAuth-Anwendung muss genau diese URL sein.</translation>
    </message>
    <message>
        <source>%1 gave no complete answer: %2</source>
        <translation>%1 hat keine vollständige Antwort geliefert: %2</translation>
    </message>
    <message>
        <source>Make the reverse proxy pass /-/jira_connect/oauth_callbacks to GitLab.</source>
        <translation>Lassen Sie den Reverse Proxy /-/jira_connect/oauth_callbacks an GitLab weiterreichen.</translation>
    </message>
</context>
<context>
    <name>gjd::ConnectOAuthTokenCorsCheck</name>
    <message>
        <source>%1 allows POST from %2 (preflight answered).</source>
        <translation>%1 erlaubt POST von %2 (Preflight beantwortet).</translation>
    </message>
    <message>
        <source>The preflight for POST %1 from %2 got %3 and no Access-Control-Allow-Origin: Chromium browsers cannot finish the sign-in.</source>
        <translation>Die Preflight-Anfrage für POST %1 von %2 hat kein Access-Control-Allow-Origin erhalten (%3): Chromium-basierte Browser können die Anmeldung nicht abschließen.</translation>
    </message>
    <message>
        <source>Let OPTIONS and POST to /oauth/token through the reverse proxy unchanged (no proxy_hide_header Access-Control-Allow-Origin); meanwhile Firefox can be used to sign in.</source>
        <translation>Lassen Sie OPTIONS und POST an /oauth/token unverändert durch den Reverse Proxy (kein proxy_hide_header Access-Control-Allow-Origin); bis dahin können Sie sich mit Firefox anmelden.</translation>
    </message>
    <message>
        <source>The preflight for POST %1 from %2 got no complete answer (%3): Chromium browsers may not finish the sign-in.</source>
        <translation>Die Preflight-Anfrage für POST %1 von %2 hat keine vollständige Antwort erhalten (%3): Chromium-Browser können die Anmeldung womöglich nicht abschließen.</translation>
    </message>
    <message>
        <source>Let OPTIONS and POST to /oauth/token through the reverse proxy unchanged.</source>
        <translation>Lassen Sie OPTIONS und POST an /oauth/token unverändert durch den Reverse Proxy.</translation>
    </message>
</context>
<context>
    <name>gjd::ConnectionForm</name>
    <message>
        <source>Private CA certificates (PEM)</source>
        <translation>Zertifikate einer privaten CA (PEM)</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>GitLab.com and Jira Cloud connect over HTTPS only: %1 is what will be checked.</source>
        <translation>GitLab.com und Jira Cloud verbinden sich nur über HTTPS: Geprüft wird %1.</translation>
    </message>
    <message>
        <source>Public URL: GitLab.com and Jira Cloud connect over HTTPS only: %1 is what will be checked.</source>
        <translation>Öffentliche URL: GitLab.com und Jira Cloud verbinden sich nur über HTTPS: Geprüft wird %1.</translation>
    </message>
    <message>
        <source>Instance &amp;URL:</source>
        <translation>Instanz-&amp;URL:</translation>
    </message>
    <message>
        <source>https://gitlab.example.com</source>
        <translation>https://gitlab.example.com</translation>
    </message>
    <message>
        <source>Administrator &amp;token:</source>
        <translation>Administrator-&amp;Token:</translation>
    </message>
    <message>
        <source>a personal access token with the scope api</source>
        <translation>ein persönliches Zugriffstoken mit dem Bereich api</translation>
    </message>
    <message>
        <source>optional: enables the GitLab settings checks (scope api)</source>
        <translation>optional: aktiviert die Prüfungen der GitLab-Einstellungen (Bereich api)</translation>
    </message>
    <message>
        <source>Administrator token</source>
        <translation>Administrator-Token</translation>
    </message>
    <message>
        <source>&amp;Public URL:</source>
        <translation>Ö&amp;ffentliche URL:</translation>
    </message>
    <message>
        <source>optional: the reverse-proxy URL Jira uses, when it differs</source>
        <translation>optional: die URL des Reverse Proxys, die Jira verwendet, wenn sie abweicht</translation>
    </message>
    <message>
        <source>Connection &amp;options</source>
        <translation>Verbindungs&amp;optionen</translation>
    </message>
    <message>
        <source>Private C&amp;A file:</source>
        <translation>Datei der privaten C&amp;A:</translation>
    </message>
    <message>
        <source>optional: PEM certificates of a private CA</source>
        <translation>optional: PEM-Zertifikate einer privaten CA</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Datei wählen</translation>
    </message>
    <message>
        <source>Choose the private CA file</source>
        <translation>Datei der privaten CA wählen</translation>
    </message>
    <message>
        <source>Connect to a&amp;ddress:</source>
        <translation>Verbinden mit A&amp;dresse:</translation>
    </message>
    <message>
        <source>optional: an IP address, to check a server before DNS points at it</source>
        <translation>optional: eine IP-Adresse, um einen Server zu prüfen, bevor das DNS auf ihn zeigt</translation>
    </message>
    <message>
        <source>Proxy ser&amp;ver:</source>
        <translation>Proxy-Se&amp;rver:</translation>
    </message>
    <message>
        <source>An HTTP proxy, http://host:port, that the connections tunnel through (CONNECT). Empty: the proxy from HTTPS_PROXY, https_proxy or ALL_PROXY, as curl uses it.</source>
        <translation>Ein HTTP-Proxy, http://host:port, durch den die Verbindungen tunneln (CONNECT). Leer: der Proxy aus HTTPS_PROXY, https_proxy oder ALL_PROXY, so wie curl ihn verwendet.</translation>
    </message>
    <message>
        <source>Proxy server</source>
        <translation>Proxy-Server</translation>
    </message>
    <message>
        <source>Proxy lo&amp;gin:</source>
        <translation>Proxy-Anmeldun&amp;g:</translation>
    </message>
    <message>
        <source>user name, if the proxy asks</source>
        <translation>Benutzername, falls der Proxy danach fragt</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>Proxy-Benutzername</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>Proxy-Passwort</translation>
    </message>
    <message>
        <source>No proxy &amp;for:</source>
        <translation>Kein Proxy f&amp;ür:</translation>
    </message>
    <message>
        <source>Hosts reached directly, separated by commas: names (with their subdomains), addresses and CIDR blocks, as in NO_PROXY. Empty: NO_PROXY&apos;s.</source>
        <translation>Direkt erreichte Hosts, durch Kommas getrennt: Namen (samt ihren Subdomains), Adressen und CIDR-Blöcke, wie in NO_PROXY. Leer: die Hosts aus NO_PROXY.</translation>
    </message>
    <message>
        <source>No proxy for</source>
        <translation>Kein Proxy für</translation>
    </message>
    <message>
        <source>Connect directly, &amp;without a proxy (ignore HTTPS_PROXY)</source>
        <translation>Direkt verbinden, ohne Prox&amp;y (HTTPS_PROXY ignorieren)</translation>
    </message>
    <message>
        <source>from the environment: not usable (said above)</source>
        <translation>aus der Umgebung: nicht verwendbar (siehe oben)</translation>
    </message>
    <message>
        <source>from the environment: %1</source>
        <translation>aus der Umgebung: %1</translation>
    </message>
    <message>
        <source>none (direct connection)</source>
        <translation>keiner (direkte Verbindung)</translation>
    </message>
    <message>
        <source>optional: hosts reached directly, e.g. .corp.example, 10.0.0.0/8</source>
        <translation>optional: direkt erreichte Hosts, z. B. .corp.example, 10.0.0.0/8</translation>
    </message>
</context>
<context>
    <name>gjd::ConnectionInput</name>
    <message>
        <source>Instance URL: enter the address of the GitLab instance.</source>
        <translation>Instanz-URL: Geben Sie die Adresse der GitLab-Instanz ein.</translation>
    </message>
    <message>
        <source>Instance URL: %1</source>
        <translation>Instanz-URL: %1</translation>
    </message>
    <message>
        <source>Public URL: %1</source>
        <translation>Öffentliche URL: %1</translation>
    </message>
    <message>
        <source>Installation method: &quot;%1&quot; is not a method this version knows.</source>
        <translation>Installationsmethode: „%1“ ist keine Methode, die diese Version kennt.</translation>
    </message>
    <message>
        <source>The Jira checks need both the Jira site and the email.</source>
        <translation>Die Jira-Prüfungen brauchen die Jira-Site und die E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Jira site: %1</source>
        <translation>Jira-Site: %1</translation>
    </message>
    <message>
        <source>Jira email: &quot;%1&quot; is not an email address.</source>
        <translation>Jira-E-Mail: „%1“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Timeout per probe: between 0.1 and 600 seconds.</source>
        <translation>Zeitlimit je Abfrage: zwischen 0,1 und 600 Sekunden.</translation>
    </message>
    <message>
        <source>Private CA file: %1</source>
        <translation>Datei der privaten CA: %1</translation>
    </message>
    <message>
        <source>Connect to address: %1</source>
        <translation>Verbinden mit Adresse: %1</translation>
    </message>
    <message>
        <source>Proxy login: enter the user name that goes with the password.</source>
        <translation>Proxy-Anmeldung: Geben Sie den Benutzernamen zum Passwort ein.</translation>
    </message>
    <message>
        <source>Proxy server</source>
        <translation>Proxy-Server</translation>
    </message>
    <message>
        <source>Proxy from the environment: %1 Enter a proxy server, or connect directly.</source>
        <translation>Proxy aus der Umgebung: %1 Geben Sie einen Proxy-Server an, oder verbinden Sie direkt.</translation>
    </message>
</context>
<context>
    <name>gjd::ConnectionOptions</name>
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
        <source>Per-probe time budget in seconds (default 10); the whole run is bounded too.</source>
        <translation>Zeitbudget je Test in Sekunden (Standard 10); auch der gesamte Lauf ist begrenzt.</translation>
    </message>
    <message>
        <source>Read the tokens the desktop program saved from the keychain (GITLAB_TOKEN and JIRA_API_TOKEN still win).</source>
        <translation>Die Tokens, die das Desktop-Programm gespeichert hat, aus dem Schlüsselbund lesen (GITLAB_TOKEN und JIRA_API_TOKEN haben Vorrang).</translation>
    </message>
    <message>
        <source>invalid URL &quot;%1&quot;: %2</source>
        <translation>ungültige URL „%1“: %2</translation>
    </message>
    <message>
        <source>invalid --public-url &quot;%1&quot;: %2</source>
        <translation>ungültige --public-url „%1“: %2</translation>
    </message>
    <message>
        <source>--timeout must be a number of seconds between 0.1 and 600 (got &quot;%1&quot;)</source>
        <translation>--timeout muss eine Anzahl Sekunden zwischen 0.1 und 600 sein (erhalten: „%1“)</translation>
    </message>
    <message>
        <source>PEM bundle that replaces the system store as the public trust store (for the TLS checks and for sending tokens).</source>
        <translation>PEM-Datei, die den Systemspeicher als öffentlichen Vertrauensspeicher ersetzt (für die TLS-Prüfungen und zum Senden von Tokens).</translation>
    </message>
    <message>
        <source>Tunnel the connections through this HTTP proxy (http://[user:password@]host:port; &quot;&quot; for none) instead of HTTPS_PROXY, https_proxy or ALL_PROXY.</source>
        <translation>Die Verbindungen durch diesen HTTP-Proxy tunneln (http://[Benutzer:Passwort@]Host:Port; &quot;&quot; für keinen) statt HTTPS_PROXY, https_proxy oder ALL_PROXY.</translation>
    </message>
    <message>
        <source>Hosts to reach directly, separated by commas (names match their subdomains; addresses and CIDR blocks), instead of NO_PROXY.</source>
        <translation>Direkt zu erreichende Hosts, durch Kommas getrennt (Namen gelten auch für ihre Subdomains; Adressen und CIDR-Blöcke), statt NO_PROXY.</translation>
    </message>
    <message>
        <source>--public-url describes one instance: put it on that instance&apos;s line of the targets file</source>
        <translation>--public-url gilt für eine einzelne Instanz: in der Zieldatei in die Zeile dieser Instanz schreiben</translation>
    </message>
    <message>
        <source>--use-keychain: no Jira API token is saved for %1 on %2</source>
        <translation>--use-keychain: kein Jira-API-Token für %1 auf %2 gespeichert</translation>
    </message>
    <message>
        <source>--use-keychain: no GitLab token is saved for %1</source>
        <translation>--use-keychain: kein GitLab-Token für %1 gespeichert</translation>
    </message>
    <message>
        <source>--use-keychain: %1 Or give the token in %2 instead.</source>
        <translation>--use-keychain: %1 Oder geben Sie das Token stattdessen in %2 an.</translation>
    </message>
</context>
<context>
    <name>gjd::ControlNames</name>
    <message>
        <source>the Private CA file (Connection options)</source>
        <translation>der Datei der privaten CA (Verbindungsoptionen)</translation>
    </message>
    <message>
        <source>the Administrator token field</source>
        <translation>dem Feld Administrator-Token</translation>
    </message>
    <message>
        <source>the Jira site, Email and API token fields</source>
        <translation>den Feldern Jira-Site, E-Mail und API-Token</translation>
    </message>
    <message>
        <source>the Jira API token field</source>
        <translation>dem Feld API-Token</translation>
    </message>
    <message>
        <source>the Connect to address field</source>
        <translation>dem Feld Verbinden mit Adresse</translation>
    </message>
    <message>
        <source>the setup wizard (Set up the GitLab for Jira Cloud app, on the start page)</source>
        <translation>den Einrichtungsassistenten (GitLab for Jira Cloud-App einrichten, auf der Startseite)</translation>
    </message>
    <message>
        <source>the Proxy server and Proxy login fields (Connection options)</source>
        <translation>den Feldern Proxy-Server und Proxy-Anmeldung (Verbindungsoptionen)</translation>
    </message>
    <message>
        <source>the No proxy for field (Connection options)</source>
        <translation>dem Feld Kein Proxy für (Verbindungsoptionen)</translation>
    </message>
</context>
<context>
    <name>gjd::Descriptor</name>
    <message>
        <source>The answer is larger than 1 MiB.</source>
        <translation>Die Antwort ist größer als 1 MiB.</translation>
    </message>
    <message>
        <source>The answer is empty.</source>
        <translation>Die Antwort ist leer.</translation>
    </message>
    <message>
        <source>The answer is an HTML sign-in page, not JSON.</source>
        <translation>Die Antwort ist eine HTML-Anmeldeseite, kein JSON.</translation>
    </message>
    <message>
        <source>The answer is an HTML page, not JSON.</source>
        <translation>Die Antwort ist eine HTML-Seite, kein JSON.</translation>
    </message>
    <message>
        <source>The answer is not valid JSON (%1 at byte %2).</source>
        <translation>Die Antwort ist kein gültiges JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>The answer is JSON but not an object.</source>
        <translation>Die Antwort ist JSON, aber kein Objekt.</translation>
    </message>
    <message>
        <source>&quot;key&quot; is missing.</source>
        <translation>„key“ fehlt.</translation>
    </message>
    <message>
        <source>&quot;key&quot; (%1) may contain only letters, digits, &quot;.&quot;, &quot;_&quot; and &quot;-&quot;.</source>
        <translation>„key“ (%1) darf nur Buchstaben, Ziffern, „.“, „_“ und „-“ enthalten.</translation>
    </message>
    <message>
        <source>&quot;key&quot; is %1 characters long; Atlassian allows at most 64.</source>
        <translation>„key“ ist %1 Zeichen lang; Atlassian erlaubt höchstens 64.</translation>
    </message>
    <message>
        <source>&quot;baseUrl&quot; is missing.</source>
        <translation>„baseUrl“ fehlt.</translation>
    </message>
    <message>
        <source>&quot;baseUrl&quot; (%1) is not an absolute URL.</source>
        <translation>„baseUrl“ (%1) ist keine absolute URL.</translation>
    </message>
    <message>
        <source>&quot;baseUrl&quot; (%1) is not https.</source>
        <translation>„baseUrl“ (%1) ist nicht https.</translation>
    </message>
    <message>
        <source>&quot;authentication.type&quot; is &quot;%1&quot;; GitLab&apos;s app uses jwt.</source>
        <translation>„authentication.type“ ist „%1“; die App von GitLab verwendet jwt.</translation>
    </message>
    <message>
        <source>&quot;lifecycle.installed&quot; is missing; JWT authentication requires it.</source>
        <translation>„lifecycle.installed“ fehlt; die JWT-Authentifizierung verlangt es.</translation>
    </message>
    <message>
        <source>&quot;lifecycle.uninstalled&quot; is missing.</source>
        <translation>„lifecycle.uninstalled“ fehlt.</translation>
    </message>
    <message>
        <source>&quot;modules&quot; is missing or empty.</source>
        <translation>„modules“ fehlt oder ist leer.</translation>
    </message>
    <message>
        <source>Module &quot;%1&quot; has no &quot;key&quot;.</source>
        <translation>Modul „%1“ hat keinen „key“.</translation>
    </message>
    <message>
        <source>Module key &quot;%1&quot; in &quot;%2&quot; may contain only letters, digits and &quot;-&quot; (at most 100).</source>
        <translation>Modul-Key „%1“ in „%2“ darf nur Buchstaben, Ziffern und „-“ enthalten (höchstens 100 Zeichen).</translation>
    </message>
    <message>
        <source>&quot;scopes&quot; is not a list.</source>
        <translation>„scopes“ ist keine Liste.</translation>
    </message>
    <message>
        <source>Scope &quot;%1&quot; is not one Atlassian knows.</source>
        <translation>Scope „%1“ ist Atlassian nicht bekannt.</translation>
    </message>
</context>
<context>
    <name>gjd::DiagnosticsPage</name>
    <message>
        <source>Back to the start screen (Esc)</source>
        <translation>Zurück zum Startbildschirm (Esc)</translation>
    </message>
    <message>
        <source>Check an instance</source>
        <translation>Eine Instanz prüfen</translation>
    </message>
    <message>
        <source>Installation &amp;method:</source>
        <translation>Installations&amp;methode:</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Erkennen</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marketplace</translation>
    </message>
    <message>
        <source>Manual (legacy)</source>
        <translation>Manuell (veraltet)</translation>
    </message>
    <message>
        <source>Proxy for other instances (legacy)</source>
        <translation>Proxy für andere Instanzen (veraltet)</translation>
    </message>
    <message>
        <source>&amp;Jira site:</source>
        <translation>&amp;Jira-Site:</translation>
    </message>
    <message>
        <source>optional: https://your-site.atlassian.net</source>
        <translation>optional: https://ihre-site.atlassian.net</translation>
    </message>
    <message>
        <source>Jira &amp;email:</source>
        <translation>Jira-&amp;E-Mail:</translation>
    </message>
    <message>
        <source>Jira API to&amp;ken:</source>
        <translation>Jira-API-To&amp;ken:</translation>
    </message>
    <message>
        <source>Jira API token</source>
        <translation>Jira-API-Token</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <source>Re-run &amp;failed</source>
        <translation>Fehlgeschlagene &amp;neu prüfen</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Copy the results as Markdown, for a ticket</source>
        <translation>Die Ergebnisse als Markdown kopieren, für ein Ticket</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 wird geprüft …</translation>
    </message>
    <message>
        <source>Enter the URL of a GitLab instance and select Run.</source>
        <translation>Geben Sie die URL einer GitLab-Instanz ein und wählen Sie Ausführen.</translation>
    </message>
    <message>
        <source>%1 — verdict %2: %3</source>
        <translation>%1 — Ergebnis %2: %3</translation>
    </message>
    <message>
        <source>Timeout per pro&amp;be:</source>
        <translation>&amp;Zeitlimit je Prüfung:</translation>
    </message>
    <message>
        <source>Cop&amp;y summary</source>
        <translation>Zusammenfassung kop&amp;ieren</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>Save a troubleshooting export (a ZIP for a support ticket); you see what it contains before it is saved</source>
        <translation>Einen Diagnose-Export speichern (ein ZIP für ein Support-Ticket); Sie sehen vor dem Speichern, was er enthält</translation>
    </message>
    <message>
        <source>Export saved to %1</source>
        <translation>Export gespeichert unter %1</translation>
    </message>
    <message>
        <source>Install type: %1 (decided from %2)</source>
        <translation>Art der Installation: %1 (bestimmt aus %2)</translation>
    </message>
    <message>
        <source>&amp;Start page</source>
        <translation>&amp;Startseite</translation>
    </message>
    <message>
        <source>Met&amp;hod, Jira and timeout</source>
        <translation>Met&amp;hode, Jira und Zeitlimit</translation>
    </message>
    <message>
        <source>%1 — cancelled: not every check ran, so there is no verdict.</source>
        <translation>%1 — abgebrochen: Nicht alle Prüfungen liefen, daher gibt es kein Ergebnis.</translation>
    </message>
    <message>
        <source>Re-run failed was cancelled: these are the results of the run before.</source>
        <translation>Das erneute Ausführen wurde abgebrochen: Dies sind die Ergebnisse des Laufs davor.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>status: count</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>gjd::DiffDialog</name>
    <message>
        <source>Compare troubleshooting exports</source>
        <translation>Diagnose-Exporte vergleichen</translation>
    </message>
    <message>
        <source>%1 — %2, made %3, verdict %4</source>
        <translation>%1 — %2, erstellt %3, Ergebnis %4</translation>
    </message>
    <message>
        <source>at an unknown time</source>
        <translation>zu unbekannter Zeit</translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation>Vorher: %1</translation>
    </message>
    <message>
        <source>After: %1</source>
        <translation>Nachher: %1</translation>
    </message>
    <message>
        <source>These exports are of different instances.</source>
        <translation>Diese Exporte stammen von verschiedenen Instanzen.</translation>
    </message>
    <message numerus="yes">
        <source>%n fixed</source>
        <translation>
            <numerusform>%n behoben</numerusform>
            <numerusform>%n behoben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n newly failing</source>
        <translation>
            <numerusform>%n neu fehlgeschlagen</numerusform>
            <numerusform>%n neu fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still failing</source>
        <translation>
            <numerusform>%n weiterhin fehlgeschlagen</numerusform>
            <numerusform>%n weiterhin fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Vorher → nachher</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Changes per check</source>
        <translation>Änderungen je Prüfung</translation>
    </message>
    <message>
        <source>New failures</source>
        <translation>Neu fehlgeschlagen</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Still failing</source>
        <translation>Weiterhin fehlgeschlagen</translation>
    </message>
    <message>
        <source>Other changes</source>
        <translation>Sonstige Änderungen</translation>
    </message>
    <message>
        <source>No check started or stopped failing.</source>
        <translation>Keine Prüfung ist neu fehlgeschlagen oder behoben worden.</translation>
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
    <message>
        <source>Resolving %1…</source>
        <translation>%1 wird aufgelöst…</translation>
    </message>
</context>
<context>
    <name>gjd::DnsPublicCheck</name>
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
        <source>From inside a split-horizon network, public DNS may answer differently: ask a public resolver (for example: dig +short %1 @1.1.1.1) to see what Jira Cloud sees.</source>
        <translation>Innerhalb eines Split-Horizon-Netzes kann das öffentliche DNS anders antworten: Fragen Sie einen öffentlichen Resolver (zum Beispiel: dig +short %1 @1.1.1.1), um zu sehen, was Jira Cloud sieht.</translation>
    </message>
    <message>
        <source>Give %1 a public address (an A/AAAA record reachable from the internet), or publish the instance through a reverse proxy with a public address and check that URL.</source>
        <translation>Geben Sie %1 eine öffentliche Adresse (einen aus dem Internet erreichbaren A/AAAA-Eintrag), oder veröffentlichen Sie die Instanz über einen Reverse Proxy mit öffentlicher Adresse und prüfen Sie diese URL.</translation>
    </message>
    <message>
        <source>Use a URL whose host name resolves to a public address, or publish the instance through a reverse proxy with a public address and check that URL.</source>
        <translation>Verwenden Sie eine URL, deren Host-Name zu einer öffentlichen Adresse aufgelöst wird, oder veröffentlichen Sie die Instanz über einen Reverse Proxy mit öffentlicher Adresse und prüfen Sie diese URL.</translation>
    </message>
    <message>
        <source>The address comes from %1. Check the address that public DNS will give.</source>
        <translation>Die Adresse stammt aus %1. Prüfen Sie die Adresse, die das öffentliche DNS liefern wird.</translation>
    </message>
    <message>
        <source>No address is known here: the proxy %1 resolves %2.</source>
        <translation>Hier ist keine Adresse bekannt: Der Proxy %1 löst %2 auf.</translation>
    </message>
</context>
<context>
    <name>gjd::DnsResolveCheck</name>
    <message>
        <source>Check this computer&apos;s DNS resolver, then that the name servers of %1 answer.</source>
        <translation>Prüfen Sie den DNS-Resolver dieses Computers und danach, ob die Nameserver von %1 antworten.</translation>
    </message>
    <message>
        <source>Create a public A (and, if the instance has IPv6, AAAA) record for %1. To check a server before DNS points at it, use --resolve %1:%2:ADDRESS.</source>
        <translation>Legen Sie einen öffentlichen A-Eintrag (und, wenn die Instanz IPv6 hat, einen AAAA-Eintrag) für %1 an. Um einen Server zu prüfen, bevor das DNS auf ihn zeigt, verwenden Sie --resolve %1:%2:ADRESSE.</translation>
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
    <message>
        <source>Using %1 for %2, as given with %3 (DNS was not asked).</source>
        <translation>%1 wird für %2 verwendet, wie mit %3 angegeben (DNS wurde nicht gefragt).</translation>
    </message>
    <message>
        <source>%1 does not resolve on this computer (%2), but the connections go through the proxy %3, which resolves the name itself.</source>
        <translation>%1 lässt sich auf diesem Computer nicht auflösen (%2), aber die Verbindungen laufen über den Proxy %3, der den Namen selbst auflöst.</translation>
    </message>
    <message>
        <source>Jira Cloud and GitLab.com resolve it with public DNS: make sure a public A/AAAA record exists (dig +short %1 @1.1.1.1).</source>
        <translation>Jira Cloud und GitLab.com lösen ihn über öffentliches DNS auf: Stellen Sie sicher, dass ein öffentlicher A/AAAA-Eintrag existiert (dig +short %1 @1.1.1.1).</translation>
    </message>
    <message>
        <source>The connections go through the proxy %1, which resolves the name itself; these are this computer&apos;s answers.</source>
        <translation>Die Verbindungen laufen über den Proxy %1, der den Namen selbst auflöst; dies sind die Antworten dieses Computers.</translation>
    </message>
</context>
<context>
    <name>gjd::ExportBundle</name>
    <message>
        <source>Could not create the ZIP archive (error %1).</source>
        <translation>Das ZIP-Archiv konnte nicht angelegt werden (Fehler %1).</translation>
    </message>
    <message>
        <source>Could not add %1 to the ZIP archive (error %2).</source>
        <translation>%1 konnte nicht zum ZIP-Archiv hinzugefügt werden (Fehler %2).</translation>
    </message>
    <message>
        <source>Could not finish the ZIP archive (error %1).</source>
        <translation>Das ZIP-Archiv konnte nicht abgeschlossen werden (Fehler %1).</translation>
    </message>
    <message>
        <source>The export cannot be made at the identities level: the run named too many hosts, addresses and users to replace them reliably.</source>
        <translation>Der Export kann mit der Schwärzung „Identitäten“ nicht erstellt werden: Der Lauf nannte zu viele Hosts, Adressen und Benutzer, um sie alle zuverlässig zu ersetzen.</translation>
    </message>
</context>
<context>
    <name>gjd::ExportDialog</name>
    <message numerus="yes">
        <source>%n file(s), %1 before compression. Tokens, cookies, Authorization values, OAuth secrets and Jira tokens are removed.</source>
        <translation>
            <numerusform>%n Datei, %1 vor der Komprimierung. Tokens, Cookies, Authorization-Werte, OAuth-Secrets und Jira-Tokens werden entfernt.</numerusform>
            <numerusform>%n Dateien, %1 vor der Komprimierung. Tokens, Cookies, Authorization-Werte, OAuth-Secrets und Jira-Tokens werden entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Host names, addresses, emails, account ids and user names are pseudonyms; certificates are listed by fingerprint and validity only.</source>
        <translation>Host-Namen, Adressen, E-Mail-Adressen, Konto-IDs und Benutzernamen sind Pseudonyme; Zertifikate werden nur mit Fingerabdruck und Gültigkeit aufgeführt.</translation>
    </message>
    <message>
        <source>Save the troubleshooting export</source>
        <translation>Den Diagnose-Export speichern</translation>
    </message>
    <message>
        <source>Troubleshooting exports (*.zip)</source>
        <translation>Diagnose-Exporte (*.zip)</translation>
    </message>
    <message>
        <source>Troubleshooting export</source>
        <translation>Diagnose-Export</translation>
    </message>
    <message>
        <source>This is everything the export contains, file by file, as it will be saved. Nothing is sent anywhere: attach the file to a support ticket yourself.</source>
        <translation>Das ist alles, was der Export enthält, Datei für Datei, so wie er gespeichert wird. Nichts wird irgendwohin gesendet: Hängen Sie die Datei selbst an ein Support-Ticket an.</translation>
    </message>
    <message>
        <source>Remove &amp;secrets</source>
        <translation>&amp;Geheimnisse entfernen</translation>
    </message>
    <message>
        <source>Remove secrets and &amp;identities</source>
        <translation>Geheimnisse und &amp;Identitäten entfernen</translation>
    </message>
    <message>
        <source>Files in the export</source>
        <translation>Dateien im Export</translation>
    </message>
    <message>
        <source>Contents of the selected file</source>
        <translation>Inhalt der gewählten Datei</translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation>&amp;Speichern …</translation>
    </message>
    <message>
        <source>Choose identities when the export leaves your organization: host names, IP addresses, emails, Jira account ids and user names become pseudonyms such as host-1, the same in every file.</source>
        <translation>Wählen Sie Identitäten, wenn der Export Ihre Organisation verlässt: Hostnamen, IP-Adressen, E-Mail-Adressen, Jira-Konto-IDs und Benutzernamen werden zu Pseudonymen wie host-1, in jeder Datei dieselben.</translation>
    </message>
    <message>
        <source>Preparing the export…</source>
        <translation>Export wird vorbereitet …</translation>
    </message>
    <message>
        <source>The export is not ready yet.</source>
        <translation>Der Export ist noch nicht fertig.</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert …</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Gespeichert unter %1.</translation>
    </message>
</context>
<context>
    <name>gjd::ExportReader</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 at byte %2</source>
        <translation>%1 bei Byte %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>report.json is not valid JSON: %1.</source>
        <translation>report.json ist kein gültiges JSON: %1.</translation>
    </message>
    <message>
        <source>report.json cannot be read: %1</source>
        <translation>report.json lässt sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>The file is neither a ZIP export nor a report of at most %1 MiB.</source>
        <translation>Die Datei ist weder ein ZIP-Export noch ein Bericht von höchstens %1 MiB.</translation>
    </message>
    <message>
        <source>The archive has %1 entries; an export has at most %2.</source>
        <translation>Das Archiv hat %1 Einträge; ein Export hat höchstens %2.</translation>
    </message>
    <message>
        <source>The archive&apos;s directory cannot be read.</source>
        <translation>Das Inhaltsverzeichnis des Archivs lässt sich nicht lesen.</translation>
    </message>
    <message>
        <source>The archive contains a symbolic link (%1); exports never do.</source>
        <translation>Das Archiv enthält eine symbolische Verknüpfung (%1); Exporte enthalten nie welche.</translation>
    </message>
    <message>
        <source>The archive contains an absolute path (%1).</source>
        <translation>Das Archiv enthält einen absoluten Pfad (%1).</translation>
    </message>
    <message>
        <source>The archive contains a path that leaves its folder (%1).</source>
        <translation>Das Archiv enthält einen Pfad, der aus seinem Ordner herausführt (%1).</translation>
    </message>
    <message>
        <source>The archive contains %1, which is not part of an export.</source>
        <translation>Das Archiv enthält %1, das nicht zu einem Export gehört.</translation>
    </message>
    <message>
        <source>The archive contains %1 twice.</source>
        <translation>Das Archiv enthält %1 zweimal.</translation>
    </message>
    <message>
        <source>%1 would unpack to %2 MiB; an export&apos;s files are at most %3 MiB.</source>
        <translation>%1 wäre entpackt %2 MiB groß; die Dateien eines Exports haben höchstens %3 MiB.</translation>
    </message>
    <message>
        <source>%1 is encrypted; exports are not.</source>
        <translation>%1 ist verschlüsselt; Exporte sind das nie.</translation>
    </message>
    <message>
        <source>The archive has no manifest.json: it is not a troubleshooting export.</source>
        <translation>Das Archiv hat keine manifest.json: Es ist kein Diagnose-Export.</translation>
    </message>
    <message>
        <source>The archive has no report.json.</source>
        <translation>Das Archiv hat keine report.json.</translation>
    </message>
    <message>
        <source>%1 cannot be found in the archive.</source>
        <translation>%1 ist im Archiv nicht zu finden.</translation>
    </message>
    <message>
        <source>%1 cannot be unpacked (error %2).</source>
        <translation>%1 lässt sich nicht entpacken (Fehler %2).</translation>
    </message>
    <message>
        <source>%1 unpacks to more than its header says, or to more than an export holds: refused as a ZIP bomb.</source>
        <translation>%1 wird entpackt größer, als sein Header angibt, oder größer, als ein Export sein kann: als ZIP-Bombe abgelehnt.</translation>
    </message>
    <message>
        <source>%1 is damaged (its checksum does not match).</source>
        <translation>%1 ist beschädigt (die Prüfsumme stimmt nicht).</translation>
    </message>
    <message>
        <source>manifest.json is not valid JSON (%1).</source>
        <translation>manifest.json ist kein gültiges JSON (%1).</translation>
    </message>
    <message>
        <source>The export&apos;s format &quot;%1&quot; is not one this version reads (%2); a newer GitLab Jira Doctor may read it.</source>
        <translation>Diese Version kann das Format „%1“ des Exports nicht lesen (sie liest %2); eine neuere Version von GitLab Jira Doctor kann es womöglich.</translation>
    </message>
    <message>
        <source>%1 is not listed in the manifest.</source>
        <translation>%1 ist im Manifest nicht aufgeführt.</translation>
    </message>
    <message>
        <source>%1 does not match the sha256 in the manifest: the export was changed after it was made.</source>
        <translation>%1 passt nicht zum sha256 im Manifest: Der Export wurde nach seiner Erstellung verändert.</translation>
    </message>
    <message>
        <source>The manifest lists %1, but the archive does not contain it.</source>
        <translation>Das Manifest führt %1 auf, aber das Archiv enthält es nicht.</translation>
    </message>
    <message>
        <source>The manifest names no known redaction level.</source>
        <translation>Das Manifest nennt keine bekannte Schwärzungsstufe.</translation>
    </message>
    <message>
        <source>The file is not a readable ZIP archive: it is damaged or cut short (error %1).</source>
        <translation>Die Datei ist kein lesbares ZIP-Archiv: Sie ist beschädigt oder unvollständig (Fehler %1).</translation>
    </message>
    <message>
        <source>The archive would unpack to more than %1 MiB; an export is much smaller: refused as a ZIP bomb.</source>
        <translation>Das Archiv würde auf mehr als %1 MiB entpacken; ein Export ist viel kleiner: als ZIP-Bombe abgelehnt.</translation>
    </message>
    <message>
        <source>The manifest lists %1 twice.</source>
        <translation>Das Manifest führt %1 zweimal auf.</translation>
    </message>
    <message>
        <source>This is not a troubleshooting export or report of GitLab Jira Doctor: it is neither a ZIP archive nor JSON (%1 at byte %2).</source>
        <translation>Dies ist kein Fehlerbehebungs-Export und kein Bericht von GitLab Jira Doctor: Es ist weder ein ZIP-Archiv noch JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>This is not a troubleshooting export or report of GitLab Jira Doctor: it is JSON, but not a JSON object.</source>
        <translation>Dies ist kein Fehlerbehebungs-Export und kein Bericht von GitLab Jira Doctor: Es ist JSON, aber kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>This is not a troubleshooting export or report of GitLab Jira Doctor: %1</source>
        <translation>Dies ist kein Fehlerbehebungs-Export und kein Bericht von GitLab Jira Doctor: %1</translation>
    </message>
    <message>
        <source>The report cannot be read: %1</source>
        <translation>Der Bericht kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>gjd::ExportViewPage</name>
    <message>
        <source>Open a troubleshooting export</source>
        <translation>Einen Diagnose-Export öffnen</translation>
    </message>
    <message>
        <source>Exports and reports (*.zip *.json)</source>
        <translation>Exporte und Berichte (*.zip *.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Compare with another export</source>
        <translation>Mit einem anderen Export vergleichen</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <comment>date at time</comment>
        <translation>am %1 um %2</translation>
    </message>
    <message>
        <source>an unknown date</source>
        <translation>an einem unbekannten Datum</translation>
    </message>
    <message>
        <source>Troubleshooting export of %1, made on %2 by GitLab Jira Doctor %3.</source>
        <translation>Diagnose-Export für %1, erstellt %2 mit GitLab Jira Doctor %3.</translation>
    </message>
    <message>
        <source>(unknown version)</source>
        <translation>(unbekannte Version)</translation>
    </message>
    <message>
        <source>Report of %1, made on %2 by GitLab Jira Doctor %3.</source>
        <translation>Bericht für %1, erstellt %2 mit GitLab Jira Doctor %3.</translation>
    </message>
    <message>
        <source>Checked from %1 (Qt %2, %3); method %4 (%5).</source>
        <translation>Geprüft unter %1 (Qt %2, %3); Methode %4 (%5).</translation>
    </message>
    <message>
        <source>Redaction: secrets and identities (names are pseudonyms such as host-1; certificates by fingerprint and validity only).</source>
        <translation>Schwärzung: Geheimnisse und Identitäten (Namen sind Pseudonyme wie host-1; Zertifikate nur mit Fingerabdruck und Gültigkeit).</translation>
    </message>
    <message>
        <source>Redaction: secrets (tokens, cookies and credentials removed).</source>
        <translation>Schwärzung: Geheimnisse (Tokens, Cookies und Zugangsdaten entfernt).</translation>
    </message>
    <message>
        <source>Read-only: nothing was run. File: %1</source>
        <translation>Nur zur Ansicht: Es wurde nichts ausgeführt. Datei: %1</translation>
    </message>
    <message>
        <source>Verdict %1: %2</source>
        <translation>Ergebnis %1: %2</translation>
    </message>
    <message>
        <source>Back to the start screen (Esc)</source>
        <translation>Zurück zum Startbildschirm (Esc)</translation>
    </message>
    <message>
        <source>Troubleshooting export</source>
        <translation>Diagnose-Export</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open an export (.zip) or a report (.json)</source>
        <translation>Einen Export (.zip) oder einen Bericht (.json) öffnen</translation>
    </message>
    <message>
        <source>Compare &amp;with…</source>
        <translation>&amp;Vergleichen mit …</translation>
    </message>
    <message>
        <source>List what changed per check between this export and another one</source>
        <translation>Auflisten, was sich je Prüfung zwischen diesem und einem anderen Export geändert hat</translation>
    </message>
    <message>
        <source>Open a troubleshooting export (.zip) or a report (.json) to see its checks as they were when it was made. Exports are read, never unpacked to disk.</source>
        <translation>Öffnen Sie einen Diagnose-Export (.zip) oder einen Bericht (.json), um seine Prüfungen so zu sehen, wie sie bei seiner Erstellung waren. Exporte werden nur gelesen, nie auf die Festplatte entpackt.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>Install type: %1 (decided from %2)</source>
        <translation>Art der Installation: %1 (bestimmt aus %2)</translation>
    </message>
    <message>
        <source>&amp;Start page</source>
        <translation>&amp;Startseite</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>status: count</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>gjd::FleetFormatter</name>
    <message numerus="yes">
        <source>GitLab Jira Doctor %1 — %n instance(s) from %2</source>
        <translation>
            <numerusform>GitLab Jira Doctor %1 — %n Instanz aus %2</numerusform>
            <numerusform>GitLab Jira Doctor %1 — %n Instanzen aus %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Failing checks, most common first</source>
        <translation>Fehlgeschlagene Prüfungen, die häufigsten zuerst</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s)</source>
        <translation>
            <numerusform>%n Instanz</numerusform>
            <numerusform>%n Instanzen</numerusform>
        </translation>
    </message>
    <message>
        <source>Lines that cannot be used</source>
        <translation>Nicht verwendbare Zeilen</translation>
    </message>
    <message>
        <source>line %1: %2 (%3)</source>
        <translation>Zeile %1: %2 (%3)</translation>
    </message>
    <message>
        <source>%1 (line %2): %3</source>
        <translation>%1 (Zeile %2): %3</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Behebung: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>verdict: count</comment>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n incomplete</source>
        <translation>
            <numerusform>%n unvollständig</numerusform>
            <numerusform>%n unvollständig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) not used</source>
        <translation>
            <numerusform>%n Zeile nicht verwendet</numerusform>
            <numerusform>%n Zeilen nicht verwendet</numerusform>
        </translation>
    </message>
    <message>
        <source>Fleet verdict: %1</source>
        <translation>Gesamtergebnis: %1</translation>
    </message>
    <message>
        <source> (%1 ms)</source>
        <translation> (%1 ms)</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
</context>
<context>
    <name>gjd::FleetModel</name>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>cannot be used</source>
        <translation>nicht verwendbar</translation>
    </message>
    <message>
        <source>cannot be used: %1</source>
        <translation>nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>The run was cancelled before this instance was checked to the end: there is no verdict.</source>
        <translation>Der Lauf wurde abgebrochen, bevor diese Instanz vollständig geprüft war: Es gibt kein Ergebnis.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>duration in seconds</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>First failing check</source>
        <translation>Erste Prüfung</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>The line of the targets file</source>
        <translation>Die Zeile der Zieldatei</translation>
    </message>
    <message>
        <source>How many checks fail or could not run</source>
        <translation>Wie viele Prüfungen fehlschlagen oder nicht laufen konnten</translation>
    </message>
    <message>
        <source>The first check that fails or could not run, in the order of the report</source>
        <translation>Die erste Prüfung, die fehlschlägt oder nicht laufen konnte, in der Reihenfolge des Berichts</translation>
    </message>
</context>
<context>
    <name>gjd::FleetPage</name>
    <message>
        <source>%1 names no instance: write one instance URL a line.</source>
        <translation>%1 nennt keine Instanz: Schreiben Sie eine Instanz-URL je Zeile.</translation>
    </message>
    <message>
        <source>Check a fleet: open a targets file</source>
        <translation>Mehrere Instanzen prüfen: Zieldatei öffnen</translation>
    </message>
    <message>
        <source>Targets files (*.txt)</source>
        <translation>Zieldateien (*.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The proxy saved in the diagnostics pane cannot be used, so no instance was checked: %1</source>
        <translation>Der im Diagnosebereich gespeicherte Proxy ist nicht verwendbar, daher wurde keine Instanz geprüft: %1</translation>
    </message>
    <message>
        <source>the recent instances of the desktop program</source>
        <translation>den zuletzt geprüften Instanzen des Desktop-Programms</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s): %1 pass, %2 warn, %3 fail</source>
        <translation>
            <numerusform>%n Instanz: %1 bestanden, %2 mit Warnung, %3 fehlgeschlagen</numerusform>
            <numerusform>%n Instanzen: %1 bestanden, %2 mit Warnung, %3 fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cannot be used</source>
        <translation>
            <numerusform>%n nicht verwendbar</numerusform>
            <numerusform>%n nicht verwendbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) cannot be used</source>
        <translation>
            <numerusform>%n Zeile nicht verwendbar</numerusform>
            <numerusform>%n Zeilen nicht verwendbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with checks that could not run</source>
        <translation>
            <numerusform>%n mit Prüfungen, die nicht laufen konnten</numerusform>
            <numerusform>%n mit Prüfungen, die nicht laufen konnten</numerusform>
        </translation>
    </message>
    <message>
        <source>So far, %1</source>
        <comment>the summary while the run goes on</comment>
        <translation>Bisher: %1</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n instance(s) not checked to the end.</source>
        <translation>
            <numerusform>Abgebrochen: %n Instanz nicht vollständig geprüft.</numerusform>
            <numerusform>Abgebrochen: %n Instanzen nicht vollständig geprüft.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fleet report saved to %1</source>
        <translation>Sammelbericht gespeichert unter %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>check id (instances)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2: %n instance(s)</source>
        <translation>
            <numerusform>%1 — %2: %n Instanz</numerusform>
            <numerusform>%1 — %2: %n Instanzen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <comment>failing checks</comment>
        <translation>
            <numerusform>%1 und %n weitere</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Failing checks, most common first: %1</source>
        <translation>Fehlgeschlagene Prüfungen, die häufigsten zuerst: %1</translation>
    </message>
    <message>
        <source>The recent instances, newest first</source>
        <translation>Die zuletzt geprüften Instanzen, die neuesten zuerst</translation>
    </message>
    <message>
        <source>Targets file: %1</source>
        <translation>Zieldatei: %1</translation>
    </message>
    <message>
        <source>Connections go through the proxy %1, as in the diagnostics pane.</source>
        <translation>Die Verbindungen laufen über den Proxy %1, wie im Diagnosebereich.</translation>
    </message>
    <message>
        <source>Connections go directly, without a proxy, as in the diagnostics pane.</source>
        <translation>Die Verbindungen laufen direkt, ohne Proxy, wie im Diagnosebereich.</translation>
    </message>
    <message>
        <source>The checks are anonymous: no token is sent, because one token would reach every instance.</source>
        <translation>Die Prüfungen laufen anonym: Es wird kein Token gesendet, weil ein einzelnes Token an jede Instanz ginge.</translation>
    </message>
    <message>
        <source>Save the fleet report</source>
        <translation>Den Sammelbericht speichern</translation>
    </message>
    <message>
        <source>Fleet reports (*.json)</source>
        <translation>Sammelberichte (*.json)</translation>
    </message>
    <message>
        <source>There is no complete fleet report to save.</source>
        <translation>Es gibt keinen vollständigen Sammelbericht zum Speichern.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>Cancelled: not every check ran, so there is no verdict.</source>
        <translation>Abgebrochen: Nicht alle Prüfungen liefen, daher gibt es kein Ergebnis.</translation>
    </message>
    <message>
        <source>Verdict %1: %2</source>
        <translation>Ergebnis %1: %2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>duration in seconds</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>&amp;Start page</source>
        <translation>&amp;Startseite</translation>
    </message>
    <message>
        <source>Back to the start screen (Esc)</source>
        <translation>Zurück zum Startbildschirm (Esc)</translation>
    </message>
    <message>
        <source>Check a fleet</source>
        <translation>Mehrere Instanzen prüfen</translation>
    </message>
    <message>
        <source>&amp;Open a targets file…</source>
        <translation>Zieldatei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>A text file with one instance URL a line, as for check --targets</source>
        <translation>Eine Textdatei mit einer Instanz-URL je Zeile, wie für check --targets</translation>
    </message>
    <message>
        <source>Check the recent &amp;instances</source>
        <translation>Zuletzt geprüfte &amp;Instanzen prüfen</translation>
    </message>
    <message>
        <source>Check every instance on the start screen&apos;s list of recent instances</source>
        <translation>Jede Instanz aus der Liste der zuletzt geprüften Instanzen auf dem Startbildschirm prüfen</translation>
    </message>
    <message>
        <source>Check many instances at once: open a targets file (one instance URL a line, with that instance&apos;s options, as for check --targets), or check the recent instances. Each instance gets a row with its verdict; Enter on a row shows its report.</source>
        <translation>Prüfen Sie viele Instanzen auf einmal: Öffnen Sie eine Zieldatei (eine Instanz-URL je Zeile, mit den Optionen dieser Instanz, wie für check --targets), oder prüfen Sie die zuletzt geprüften Instanzen erneut. Jede Instanz erhält eine Zeile mit ihrem Ergebnis; die Eingabetaste auf einer Zeile zeigt ihren Bericht.</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Check the instances again (a targets file is read again)</source>
        <translation>Die Instanzen erneut prüfen (eine Zieldatei wird neu eingelesen)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <source>Sa&amp;ve fleet report…</source>
        <translation>Sammelbericht s&amp;peichern…</translation>
    </message>
    <message>
        <source>Save the fleet report as JSON, as check --targets --format json writes it</source>
        <translation>Den Sammelbericht als JSON speichern, so wie check --targets --format json ihn schreibt</translation>
    </message>
    <message>
        <source>Instances of the fleet</source>
        <translation>Instanzen des Sammelberichts</translation>
    </message>
    <message>
        <source>One row per instance; Enter shows the instance&apos;s report</source>
        <translation>Eine Zeile je Instanz; die Eingabetaste zeigt den Bericht der Instanz</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <comment>instances done</comment>
        <translation>%v von %m</translation>
    </message>
    <message>
        <source>&amp;Back to the fleet</source>
        <translation>&amp;Zurück zur Übersicht</translation>
    </message>
    <message>
        <source>Back to the table of instances (Esc)</source>
        <translation>Zurück zur Tabelle der Instanzen (Esc)</translation>
    </message>
    <message>
        <source>Connections go through the proxy %1 as user %2, as in the diagnostics pane.</source>
        <translation>Die Verbindungen laufen über den Proxy %1 als Benutzer %2, wie im Diagnosebereich.</translation>
    </message>
</context>
<context>
    <name>gjd::FleetReport</name>
    <message>
        <source>not a fleet report (schema %1)</source>
        <translation>kein Sammelbericht (Schema %1)</translation>
    </message>
    <message>
        <source>the fleet report holds %1 reports for %2 instances (at most %3)</source>
        <translation>der Sammelbericht enthält %1 Berichte für %2 Instanzen (höchstens %3)</translation>
    </message>
    <message>
        <source>an instance points at no report</source>
        <translation>eine Instanz verweist auf keinen Bericht</translation>
    </message>
    <message>
        <source>report %1: %2</source>
        <translation>Bericht %1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>gjd::FleetRunner</name>
    <message>
        <source>Cancelled before it ran.</source>
        <translation>Vor dem Start abgebrochen.</translation>
    </message>
</context>
<context>
    <name>gjd::FleetTargets</name>
    <message>
        <source>a double quote is not closed</source>
        <translation>ein doppeltes Anführungszeichen wird nicht geschlossen</translation>
    </message>
    <message>
        <source>%1 cannot be given per instance (a line takes %2; the others go on the command line)</source>
        <translation>%1 lässt sich nicht je Instanz angeben (eine Zeile nimmt %2; alle anderen Optionen gehören auf die Befehlszeile)</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 braucht einen Wert</translation>
    </message>
    <message>
        <source>invalid --public-url &quot;%1&quot;: %2</source>
        <translation>ungültige --public-url „%1“: %2</translation>
    </message>
    <message>
        <source>--method must be auto, marketplace, manual or proxy (got &quot;%1&quot;)</source>
        <translation>--method muss auto, marketplace, manual oder proxy sein (erhalten: „%1“)</translation>
    </message>
    <message>
        <source>invalid --jira-site &quot;%1&quot;: %2</source>
        <translation>ungültige --jira-site „%1“: %2</translation>
    </message>
    <message>
        <source>--jira-email &quot;%1&quot; is not an email address</source>
        <translation>--jira-email „%1“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>options without an instance URL</source>
        <translation>Optionen ohne Instanz-URL</translation>
    </message>
    <message>
        <source>invalid URL &quot;%1&quot;: %2</source>
        <translation>ungültige URL „%1“: %2</translation>
    </message>
    <message>
        <source>--jira-site and --jira-email go together</source>
        <translation>--jira-site und --jira-email gehören zusammen</translation>
    </message>
    <message numerus="yes">
        <source>more than %n instances in one file</source>
        <translation>
            <numerusform>mehr als %n Instanz in einer Datei</numerusform>
            <numerusform>mehr als %n Instanzen in einer Datei</numerusform>
        </translation>
    </message>
    <message>
        <source>the same instance as line %1</source>
        <translation>dieselbe Instanz wie Zeile %1</translation>
    </message>
    <message>
        <source>%1 is not a text file in UTF-8</source>
        <translation>%1 ist keine Textdatei in UTF-8</translation>
    </message>
    <message>
        <source>one instance URL a line, then only options; word %1 is neither</source>
        <translation>eine Instanz-URL pro Zeile, danach nur Optionen; Wort %1 ist keins von beiden</translation>
    </message>
</context>
<context>
    <name>gjd::ForgeAppIdCheck</name>
    <message>
        <source>GitLab verifies every call of the Forge app against this ID (the audience of Forge&apos;s invocation tokens). Native Forge mode is experimental in GitLab.</source>
        <translation>GitLab prüft jeden Aufruf der Forge-App gegen diese ID (die Audience der Invocation-Tokens von Forge). Der native Forge-Modus ist in GitLab experimentell.</translation>
    </message>
    <message>
        <source>jira_forge_app_id is an app ARI (%1).</source>
        <translation>jira_forge_app_id ist eine App-ARI (%1).</translation>
    </message>
    <message>
        <source>jira_forge_app_id is &quot;%1&quot;, not an app ARI of the form ari:cloud:ecosystem::app/&lt;uuid&gt;: GitLab rejects every call of the Forge app.</source>
        <translation>jira_forge_app_id ist „%1“, keine App-ARI der Form ari:cloud:ecosystem::app/&lt;uuid&gt;: GitLab weist jeden Aufruf der Forge-App ab.</translation>
    </message>
    <message>
        <source>Set jira_forge_app_id (PUT /api/v4/application/settings) to the ARI of the Forge app, as ari:cloud:ecosystem::app/&lt;uuid&gt;, or clear it and use the Marketplace app.</source>
        <translation>Setzen Sie jira_forge_app_id (PUT /api/v4/application/settings) auf die ARI der Forge-App, als ari:cloud:ecosystem::app/&lt;uuid&gt;, oder leeren Sie die Einstellung und verwenden Sie die Marketplace-App.</translation>
    </message>
</context>
<context>
    <name>gjd::ForgeGate</name>
    <message>
        <source>Applies to a native Forge install only, which only the settings show: give an administrator&apos;s token to check it.</source>
        <translation>Betrifft nur eine native Forge-Installation, und die zeigen nur die Einstellungen: Geben Sie das Token einer Administratorin oder eines Administrators an, um sie zu prüfen.</translation>
    </message>
    <message>
        <source>Applies to a native Forge install only; the install type could not be decided.</source>
        <translation>Betrifft nur eine native Forge-Installation; die Art der Installation ließ sich nicht bestimmen.</translation>
    </message>
    <message>
        <source>Applies to a native Forge install only; this one is %1.</source>
        <translation>Betrifft nur eine native Forge-Installation; diese ist %1.</translation>
    </message>
</context>
<context>
    <name>gjd::ForgeInstallationEndpointCheck</name>
    <message>
        <source>PUT %1 was not sent.</source>
        <translation>PUT %1 wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>Let PUT and POST requests to /api/v4/integrations/jira_forge/ through to GitLab: remove the WAF rule, limit_except or &quot;location&quot; that blocks them (Atlassian&apos;s Forge platform calls them).</source>
        <translation>Lassen Sie PUT- und POST-Anfragen an /api/v4/integrations/jira_forge/ zu GitLab durch: Entfernen Sie die WAF-Regel, das limit_except oder die „location“, die sie blockiert (Atlassians Forge-Plattform ruft sie auf).</translation>
    </message>
    <message>
        <source>PUT %1 gave no complete answer: %2</source>
        <translation>PUT %1 bekam keine vollständige Antwort: %2</translation>
    </message>
    <message>
        <source>PUT %1 without a Forge token answers 401 &quot;Forge invocation token authentication failed&quot;, as GitLab does.</source>
        <translation>PUT %1 ohne Forge-Token antwortet 401 „Forge invocation token authentication failed“, wie GitLab es tut.</translation>
    </message>
    <message>
        <source>PUT %1 without a Forge token answers 401, as GitLab does.</source>
        <translation>PUT %1 ohne Forge-Token antwortet 401, wie GitLab es tut.</translation>
    </message>
    <message>
        <source>PUT %1 answered 404: this GitLab has no native Forge routes (too old), or the reverse proxy does not pass them on.</source>
        <translation>PUT %1 antwortete 404: Dieses GitLab hat keine nativen Forge-Routen (zu alt), oder der Reverse Proxy leitet sie nicht weiter.</translation>
    </message>
    <message>
        <source>Upgrade GitLab to a version with native Forge support, or make the reverse proxy pass /api/v4/integrations/jira_forge/ to GitLab.</source>
        <translation>Aktualisieren Sie GitLab auf eine Version mit nativer Forge-Unterstützung, oder lassen Sie den Reverse Proxy /api/v4/integrations/jira_forge/ an GitLab weiterleiten.</translation>
    </message>
    <message>
        <source>PUT %1 answered %2 without a token: whatever answers is not GitLab.</source>
        <translation>PUT %1 antwortete ohne Token %2: Was da antwortet, ist nicht GitLab.</translation>
    </message>
    <message>
        <source>Point the reverse proxy&apos;s /api/v4/ at GitLab.</source>
        <translation>Leiten Sie /api/v4/ im Reverse Proxy an GitLab weiter.</translation>
    </message>
    <message>
        <source> (an HTML page)</source>
        <translation> (eine HTML-Seite)</translation>
    </message>
    <message>
        <source>PUT %1 answered %2%3 instead of 401: a proxy or WAF blocks Forge&apos;s calls.</source>
        <translation>PUT %1 antwortete %2%3 statt 401: Ein Proxy oder eine WAF blockiert die Aufrufe von Forge.</translation>
    </message>
</context>
<context>
    <name>gjd::GitLabApiCheck</name>
    <message>
        <source>Make the reverse proxy pass /api/v4/ to GitLab unchanged: the Jira app&apos;s pages call the API from the browser.</source>
        <translation>Lassen Sie den Reverse Proxy /api/v4/ unverändert an GitLab weiterreichen: Die Seiten der Jira-App rufen die API aus dem Browser auf.</translation>
    </message>
    <message>
        <source>%1 gave no complete HTTP answer: %2</source>
        <translation>%1 hat keine vollständige HTTP-Antwort geliefert: %2</translation>
    </message>
    <message>
        <source>The API answers at %1 (401 without a token, as expected).</source>
        <translation>Die API antwortet unter %1 (401 ohne Token, wie erwartet).</translation>
    </message>
    <message>
        <source>The API answers at %1.</source>
        <translation>Die API antwortet unter %1.</translation>
    </message>
    <message>
        <source>%1 answered %2 with unexpected JSON: the GitLab API is not reachable through this URL.</source>
        <translation>%1 antwortete %2 mit unerwartetem JSON: Die GitLab-API ist über diese URL nicht erreichbar.</translation>
    </message>
    <message>
        <source>%1 answered %2. %3 The GitLab API is not reachable through this URL.</source>
        <translation>%1 antwortete %2. %3 Die GitLab-API ist über diese URL nicht erreichbar.</translation>
    </message>
</context>
<context>
    <name>gjd::GitLabOAuthAppCheck</name>
    <message>
        <source>The OAuth application &quot;%1&quot;: %2.</source>
        <translation>Die OAuth-Anwendung „%1“: %2.</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; is set up right; %n other application(s) also point at a Jira callback: %2.</source>
        <translation>
            <numerusform>„%1“ ist richtig eingerichtet; %n weitere Anwendung verweist ebenfalls auf einen Jira-Callback: %2.</numerusform>
            <numerusform>„%1“ ist richtig eingerichtet; %n weitere Anwendungen verweisen ebenfalls auf einen Jira-Callback: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot;: not confidential, redirect URI %2.</source>
        <translation>„%1“: nicht vertraulich, Redirect-URI %2.</translation>
    </message>
    <message>
        <source>Edit the application in Admin → Applications (%1/admin/applications/%2/edit), or create a new one with %3.</source>
        <translation>Bearbeiten Sie die Anwendung unter Admin → Anwendungen (%1/admin/applications/%2/edit), oder legen Sie mit %3 eine neue an.</translation>
    </message>
    <message>
        <source>The OAuth applications could not be read, so the application cannot be judged (see gitlab.settings.application_key).</source>
        <translation>Die OAuth-Anwendungen konnten nicht gelesen werden, daher lässt sich die Anwendung nicht beurteilen (siehe gitlab.settings.application_key).</translation>
    </message>
</context>
<context>
    <name>gjd::GitLabOAuthAppTrustedCheck</name>
    <message>
        <source>The API does not show the Trusted flag: open %1 and make sure Trusted is cleared.</source>
        <translation>Die API zeigt die Option Vertrauenswürdig (Trusted) nicht an: Öffnen Sie %1 und stellen Sie sicher, dass Vertrauenswürdig nicht aktiviert ist.</translation>
    </message>
    <message>
        <source>In Admin → Applications → &quot;%1&quot; → Edit, clear Trusted and save (a trusted application makes the Jira app&apos;s sign-in fail).</source>
        <translation>Deaktivieren Sie unter Admin → Applications → „%1“ → Edit die Option Vertrauenswürdig (Trusted) und speichern Sie (mit einer vertrauenswürdigen Anwendung schlägt die Anmeldung der Jira-App fehl).</translation>
    </message>
    <message>
        <source>The OAuth applications could not be read, so whether the application is trusted is unknown (see gitlab.settings.application_key).</source>
        <translation>Die OAuth-Anwendungen konnten nicht gelesen werden, daher ist unbekannt, ob die Anwendung vertrauenswürdig ist (siehe gitlab.settings.application_key).</translation>
    </message>
</context>
<context>
    <name>gjd::GitLabSettingsApplicationKeyCheck</name>
    <message>
        <source>Use an administrator&apos;s token with the api scope.</source>
        <translation>Verwenden Sie das Token eines Administrators mit dem Scope api.</translation>
    </message>
    <message>
        <source>The Jira Connect Application ID is blank.</source>
        <translation>Die Jira Connect Application ID ist leer.</translation>
    </message>
    <message>
        <source>The Application ID is %1, but the OAuth applications could not be read to confirm it.</source>
        <translation>Die Application ID ist %1, aber die OAuth-Anwendungen konnten zur Bestätigung nicht gelesen werden.</translation>
    </message>
    <message numerus="yes">
        <source>The Application ID %1 belongs to no OAuth application of this instance (%n application(s) listed).</source>
        <translation>
            <numerusform>Die Application ID %1 gehört zu keiner OAuth-Anwendung dieser Instanz (%n Anwendung aufgelistet).</numerusform>
            <numerusform>Die Application ID %1 gehört zu keiner OAuth-Anwendung dieser Instanz (%n Anwendungen aufgelistet).</numerusform>
        </translation>
    </message>
    <message>
        <source>Set to the OAuth application &quot;%1&quot;.</source>
        <translation>Auf die OAuth-Anwendung „%1“ gesetzt.</translation>
    </message>
    <message>
        <source>Create the OAuth application (redirect URI %1, scope api, not confidential) and enter its Application ID in Admin → Settings → General → GitLab for Jira App; %2 does both.</source>
        <translation>Legen Sie die OAuth-Anwendung an (Redirect-URI %1, Bereich api, nicht Vertraulich) und tragen Sie ihre Application ID unter Admin → Settings → General → GitLab for Jira App ein; %2 erledigt beides.</translation>
    </message>
</context>
<context>
    <name>gjd::GitLabSettingsAudienceCheck</name>
    <message>
        <source>GitLab %1 has no Jira Connect Additional Audience URL (it arrived in 17.7).</source>
        <translation>GitLab %1 hat keine Jira Connect Additional Audience URL (die Einstellung kam mit 17.7).</translation>
    </message>
    <message>
        <source>The GitLab version is unknown; the setting exists from 17.7.</source>
        <translation>Die GitLab-Version ist unbekannt; die Einstellung gibt es ab 17.7.</translation>
    </message>
    <message>
        <source>Not needed: Jira reaches GitLab under its own host name.</source>
        <translation>Nicht nötig: Jira erreicht GitLab unter dessen eigenem Host-Namen.</translation>
    </message>
    <message>
        <source>Set to %1; not needed, as Jira reaches GitLab under its own host name.</source>
        <translation>Auf %1 gesetzt; nicht nötig, da Jira GitLab unter dessen eigenem Host-Namen erreicht.</translation>
    </message>
    <message>
        <source>Set to the public URL %1.</source>
        <translation>Auf die öffentliche URL %1 gesetzt.</translation>
    </message>
    <message>
        <source>Jira reaches GitLab as %1 but GitLab&apos;s external_url host is %2, and the additional audience URL is &quot;%3&quot;: Jira&apos;s tokens may be rejected with &quot;Invalid audience&quot;.</source>
        <translation>Jira erreicht GitLab als %1, aber der Host der external_url von GitLab ist %2, und die zusätzliche Audience-URL ist „%3“: Die Tokens von Jira werden eventuell mit „Invalid audience“ abgelehnt.</translation>
    </message>
    <message>
        <source>Set Admin → Settings → General → GitLab for Jira App → Jira Connect Additional Audience URL to %1.</source>
        <translation>Setzen Sie Admin → Settings → General → GitLab for Jira App → Jira Connect Additional Audience URL auf %1.</translation>
    </message>
</context>
<context>
    <name>gjd::GitLabSettingsProxyUrlCheck</name>
    <message>
        <source>Set Admin → Settings → General → GitLab for Jira App → Jira Connect Proxy URL to exactly https://gitlab.com (no trailing slash).</source>
        <translation>Setzen Sie Admin → Settings → General → GitLab for Jira App → Jira Connect Proxy URL auf genau https://gitlab.com (ohne abschließenden Schrägstrich).</translation>
    </message>
    <message>
        <source>Blank, as the %1 method needs.</source>
        <translation>Leer, wie es die Methode %1 verlangt.</translation>
    </message>
    <message>
        <source>Set to %1; the %2 method needs it blank.</source>
        <translation>Auf %1 gesetzt; die Methode %2 verlangt, dass sie leer ist.</translation>
    </message>
    <message>
        <source>Clear the Jira Connect Proxy URL (Admin → Settings → General → GitLab for Jira App).</source>
        <translation>Leeren Sie die Jira Connect Proxy URL (Admin → Settings → General → GitLab for Jira App).</translation>
    </message>
    <message>
        <source>Exactly %1.</source>
        <translation>Genau %1.</translation>
    </message>
    <message>
        <source>Blank: the instance is not in Marketplace mode.</source>
        <translation>Leer: Die Instanz ist nicht im Marketplace-Modus.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not exactly %2: GitLab compares the browser&apos;s Origin with this string, so CORS never matches.</source>
        <translation>„%1“ ist nicht genau %2: GitLab vergleicht den Origin des Browsers mit dieser Zeichenkette, daher passt CORS nie.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; uses http; the Marketplace app runs on %2.</source>
        <translation>„%1“ verwendet http; die Marketplace-App läuft auf %2.</translation>
    </message>
    <message>
        <source>Set to %1, another instance that relays for this one (a proxy chain): its own setup decides.</source>
        <translation>Auf %1 gesetzt – eine andere Instanz, die für diese als Proxy dient (Proxy-Kette): Ob das passt, hängt von deren eigener Einrichtung ab.</translation>
    </message>
</context>
<context>
    <name>gjd::GitLabSettingsPublicKeyStorageCheck</name>
    <message>
        <source>On, as an instance that relays for other instances needs.</source>
        <translation>Aktiviert, wie es eine Instanz braucht, die für andere Instanzen als Proxy dient.</translation>
    </message>
    <message>
        <source>Off: the instances that use this one as their proxy cannot verify Jira&apos;s tokens.</source>
        <translation>Deaktiviert: Die Instanzen, die diese Instanz als Proxy verwenden, können die Tokens von Jira nicht prüfen.</translation>
    </message>
    <message>
        <source>Turn on Admin → Settings → General → GitLab for Jira App → Enable public key storage.</source>
        <translation>Aktivieren Sie Admin → Settings → General → GitLab for Jira App → Enable public key storage.</translation>
    </message>
    <message>
        <source>On, although this instance does not relay for others (%1 method).</source>
        <translation>Aktiviert, obwohl diese Instanz nicht als Proxy für andere dient (Methode %1).</translation>
    </message>
    <message>
        <source>Turn off Enable public key storage unless other instances use this one as their Jira Connect proxy.</source>
        <translation>Deaktivieren Sie Enable public key storage, sofern nicht andere Instanzen diese Instanz als Jira-Connect-Proxy verwenden.</translation>
    </message>
    <message>
        <source>Off, as the %1 method needs.</source>
        <translation>Deaktiviert, wie es die Methode %1 verlangt.</translation>
    </message>
</context>
<context>
    <name>gjd::GitLabTokenCheck</name>
    <message>
        <source>Create a personal access token of an administrator with the scope api (and admin_mode when Admin Mode is on): %1/-/user_settings/personal_access_tokens.</source>
        <translation>Erstellen Sie ein persönliches Zugriffstoken eines Administrators mit dem Scope api (und admin_mode, wenn der Admin Mode aktiv ist): %1/-/user_settings/personal_access_tokens.</translation>
    </message>
    <message>
        <source>%1 gave no complete answer: %2</source>
        <translation>%1 hat keine vollständige Antwort geliefert: %2</translation>
    </message>
    <message>
        <source>Check that the instance URL reaches GitLab&apos;s API from this computer.</source>
        <translation>Prüfen Sie, ob die Instanz-URL von diesem Computer aus die API von GitLab erreicht.</translation>
    </message>
    <message>
        <source>GitLab refused the token (401): it is wrong, expired or revoked.</source>
        <translation>GitLab hat das Token abgelehnt (401): Es ist falsch, abgelaufen oder widerrufen.</translation>
    </message>
    <message>
        <source>%1 answered %2.</source>
        <translation>%1 hat mit %2 geantwortet.</translation>
    </message>
    <message>
        <source>The token of %1 is not treated as an administrator&apos;s: either %1 is no administrator, or Admin Mode is on and the token lacks the admin_mode scope.</source>
        <translation>Das Token von %1 wird nicht als Administrator-Token behandelt: Entweder ist %1 kein Administrator, oder der Admin Mode ist aktiv und dem Token fehlt der Scope admin_mode.</translation>
    </message>
    <message>
        <source>%1 is not an administrator.</source>
        <translation>%1 ist kein Administrator.</translation>
    </message>
    <message>
        <source>The token has the scopes %1 but not api.</source>
        <translation>Das Token hat die Bereiche %1, aber nicht api.</translation>
    </message>
    <message>
        <source>The token of %1 expires on %2.</source>
        <translation>Das Token von %1 läuft am %2 ab.</translation>
    </message>
    <message>
        <source>Create a new token before then.</source>
        <translation>Erstellen Sie vorher ein neues Token.</translation>
    </message>
    <message>
        <source>Token of the administrator %1.</source>
        <translation>Token des Administrators %1.</translation>
    </message>
    <message>
        <source>Token of the administrator %1, scopes %2.</source>
        <translation>Token des Administrators %1, Bereiche %2.</translation>
    </message>
    <message>
        <source>No administrator token given (%1): the GitLab settings are not checked.</source>
        <translation>Kein Administrator-Token angegeben (%1): Die GitLab-Einstellungen werden nicht geprüft.</translation>
    </message>
    <message>
        <source>The token is only sent to a server whose certificate verifies from this computer: fix the certificate (see the TLS checks), or give the private CA, with any intermediate the server does not send, in %1.</source>
        <translation>Das Token wird nur an einen Server gesendet, dessen Zertifikat sich von diesem Computer aus prüfen lässt: Korrigieren Sie das Zertifikat (siehe die TLS-Prüfungen), oder geben Sie die private CA mit jedem Zwischenzertifikat, das der Server nicht sendet, in %1 an.</translation>
    </message>
</context>
<context>
    <name>gjd::GitLabVersionCheck</name>
    <message>
        <source>/api/v4/version answered %1 without a readable version.</source>
        <translation>/api/v4/version hat keine lesbare Version geliefert (%1).</translation>
    </message>
    <message>
        <source>Check that the token works for the API (see gitlab.token).</source>
        <translation>Prüfen Sie, ob das Token für die API funktioniert (siehe gitlab.token).</translation>
    </message>
    <message>
        <source>Upgrade GitLab (the GitLab for Jira Cloud app follows GitLab&apos;s releases).</source>
        <translation>Aktualisieren Sie GitLab (die GitLab for Jira Cloud-App folgt den Releases von GitLab).</translation>
    </message>
    <message>
        <source>GitLab %1 is older than 15.7, the first version the Marketplace app supports.</source>
        <translation>GitLab %1 ist älter als 15.7, die erste Version, die die Marketplace-App unterstützt.</translation>
    </message>
    <message>
        <source>GitLab %1: up to 17.5, manual installs fail with a 401 since Atlassian&apos;s JWT change of November 2024 (fixed in 17.6 and backported to 17.5 patch releases).</source>
        <translation>GitLab %1: Bis 17.5 schlagen manuelle Installationen seit der JWT-Änderung von Atlassian im November 2024 mit 401 fehl (behoben in 17.6 und in Patch-Releases von 17.5 zurückportiert).</translation>
    </message>
    <message>
        <source>GitLab %1 works, but branches can be created from Jira only from 17.2.</source>
        <translation>GitLab %1 funktioniert, aber Branches lassen sich erst ab 17.2 aus Jira heraus erstellen.</translation>
    </message>
    <message>
        <source>GitLab %1.</source>
        <translation>GitLab %1.</translation>
    </message>
    <message>
        <source>/api/v4/version gave no complete answer: %1</source>
        <translation>/api/v4/version hat keine vollständige Antwort geliefert: %1</translation>
    </message>
    <message>
        <source>Check that the instance URL reaches GitLab&apos;s API from this computer.</source>
        <translation>Prüfen Sie, ob die Instanz-URL von diesem Computer aus die GitLab-API erreicht.</translation>
    </message>
</context>
<context>
    <name>gjd::HtmlFormatter</name>
    <message>
        <source>How to fix</source>
        <translation>So beheben Sie es</translation>
    </message>
    <message>
        <source>Explains these errors</source>
        <translation>Erklärt diese Fehlermeldungen</translation>
    </message>
    <message>
        <source>What was probed</source>
        <translation>Was gemessen wurde</translation>
    </message>
    <message>
        <source>Needs: %1</source>
        <translation>Braucht: %1</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <source>Certificate chain</source>
        <translation>Zertifikatskette</translation>
    </message>
    <message>
        <source>missing: %1 (the server does not send it)</source>
        <translation>fehlt: %1 (der Server sendet es nicht)</translation>
    </message>
    <message>
        <source>%1 (trust store)</source>
        <translation>%1 (Vertrauensspeicher)</translation>
    </message>
    <message>
        <source>GitLab for Jira Cloud app diagnostics: %1</source>
        <translation>Diagnose der GitLab-for-Jira-Cloud-App: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>status: count</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Public URL</source>
        <translation>Öffentliche URL</translation>
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
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>GitLab Jira Doctor %1, %2</source>
        <translation>GitLab Jira Doctor %1, %2</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Run from</source>
        <translation>Ausgeführt unter</translation>
    </message>
    <message>
        <source>%1, Qt %2, TLS backend %3</source>
        <translation>%1, Qt %2, TLS-Backend %3</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <source>No certificate was received.</source>
        <translation>Es wurde kein Zertifikat empfangen.</translation>
    </message>
    <message>
        <source>As the server sent them, its own certificate first.</source>
        <translation>In der Reihenfolge, in der der Server sie gesendet hat, sein eigenes Zertifikat zuerst.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Subject alternative names</source>
        <translation>Subject Alternative Names</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Install type</source>
        <translation>Art der Installation</translation>
    </message>
    <message>
        <source>decided from %1</source>
        <translation>bestimmt aus %1</translation>
    </message>
</context>
<context>
    <name>gjd::HttpBaseCheck</name>
    <message>
        <source>%1 gave no HTTP answer: %2</source>
        <translation>%1 hat keine HTTP-Antwort geliefert: %2</translation>
    </message>
    <message>
        <source>Check that the web server or reverse proxy passes requests to GitLab (nginx: proxy_pass to GitLab&apos;s workhorse or internal URL).</source>
        <translation>Prüfen Sie, ob der Webserver oder Reverse Proxy Anfragen an GitLab weiterreicht (nginx: proxy_pass zu GitLab Workhorse oder zur internen URL von GitLab).</translation>
    </message>
    <message>
        <source>%1 answered %2: the web server reaches no working GitLab behind it.</source>
        <translation>%1 hat mit %2 geantwortet: Der Webserver erreicht dahinter kein funktionierendes GitLab.</translation>
    </message>
    <message>
        <source>Check that GitLab runs (gitlab-ctl status) and that the reverse proxy&apos;s proxy_pass points at it.</source>
        <translation>Prüfen Sie, ob GitLab läuft (gitlab-ctl status) und ob proxy_pass im Reverse Proxy darauf zeigt.</translation>
    </message>
    <message>
        <source>%1 redirects to another host or scheme: %2</source>
        <translation>%1 leitet auf einen anderen Host oder ein anderes Schema um: %2</translation>
    </message>
    <message>
        <source>Make the reverse proxy pass the public host name (nginx: proxy_set_header Host %1;) and check external_url in gitlab.rb: Jira Cloud and GitLab.com follow the same redirects and end up elsewhere.</source>
        <translation>Lassen Sie den Reverse Proxy den öffentlichen Host-Namen weiterreichen (nginx: proxy_set_header Host %1;) und prüfen Sie external_url in gitlab.rb: Jira Cloud und GitLab.com folgen denselben Umleitungen und landen woanders.</translation>
    </message>
    <message>
        <source>%1 answered %2, which does not look like GitLab&apos;s sign-in page.</source>
        <translation>%1 hat mit %2 geantwortet, was nicht nach der Anmeldeseite von GitLab aussieht.</translation>
    </message>
    <message>
        <source>Check that this URL is the GitLab instance (with its relative root, if any) and that the reverse proxy passes every path to GitLab.</source>
        <translation>Prüfen Sie, ob diese URL die GitLab-Instanz ist (gegebenenfalls mit ihrem relativen Pfad) und ob der Reverse Proxy jeden Pfad an GitLab weiterreicht.</translation>
    </message>
    <message>
        <source>GitLab&apos;s sign-in page answers at %1.</source>
        <translation>Die Anmeldeseite von GitLab antwortet unter %1.</translation>
    </message>
    <message>
        <source>GitLab&apos;s sign-in page answers at %1 (after %2).</source>
        <translation>Die Anmeldeseite von GitLab antwortet unter %1 (nach %2).</translation>
    </message>
</context>
<context>
    <name>gjd::HttpExchange</name>
    <message>
        <source>A token is never sent over plain http://.</source>
        <translation>Ein Token wird nie über unverschlüsseltes http:// gesendet.</translation>
    </message>
    <message>
        <source>The server did not answer with HTTP.</source>
        <translation>Der Server hat nicht mit HTTP geantwortet.</translation>
    </message>
    <message>
        <source>The response headers are larger than 64 KiB.</source>
        <translation>Die Antwort-Header sind größer als 64 KiB.</translation>
    </message>
    <message>
        <source>The server sent a malformed response header.</source>
        <translation>Der Server hat einen fehlerhaften Antwort-Header gesendet.</translation>
    </message>
    <message>
        <source>The response body is larger than %1 KiB; it was not read further.</source>
        <translation>Der Antwortinhalt ist größer als %1 KiB; er wurde nicht weiter gelesen.</translation>
    </message>
    <message>
        <source>The server sent a malformed chunked body.</source>
        <translation>Der Server hat einen fehlerhaften Antwortinhalt in Chunked-Kodierung gesendet.</translation>
    </message>
    <message>
        <source>The server did not answer with HTTP/1.x (&quot;%1&quot;).</source>
        <translation>Der Server hat nicht mit HTTP/1.x geantwortet („%1“).</translation>
    </message>
    <message>
        <source>The server sent an invalid HTTP status line.</source>
        <translation>Der Server hat eine ungültige HTTP-Statuszeile gesendet.</translation>
    </message>
    <message>
        <source>The server sent an invalid Content-Length.</source>
        <translation>Der Server hat eine ungültige Content-Length gesendet.</translation>
    </message>
    <message>
        <source>The response body is %1 KiB, more than the %2 KiB limit; it was not read.</source>
        <translation>Der Antwortinhalt ist %1 KiB groß, mehr als die Grenze von %2 KiB; er wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>The server redirected to an invalid location.</source>
        <translation>Der Server hat auf ein ungültiges Ziel umgeleitet.</translation>
    </message>
    <message>
        <source>The server redirects in a loop (%1 is reached again).</source>
        <translation>Der Server leitet im Kreis um (%1 wird erneut erreicht).</translation>
    </message>
    <message>
        <source>More than %1 redirects.</source>
        <translation>Mehr als %1 Umleitungen.</translation>
    </message>
    <message>
        <source>The server closed the connection without answering.</source>
        <translation>Der Server hat die Verbindung geschlossen, ohne zu antworten.</translation>
    </message>
    <message>
        <source>The server closed the connection in the middle of the answer.</source>
        <translation>Der Server hat die Verbindung mitten in der Antwort geschlossen.</translation>
    </message>
    <message>
        <source>The certificate of %1 could not be verified (%2), so the token was not sent.</source>
        <translation>Das Zertifikat von %1 ließ sich nicht überprüfen (%2), daher wurde das Token nicht gesendet.</translation>
    </message>
    <message>
        <source>TLS failed: %1.</source>
        <translation>TLS ist fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2.</source>
        <translation>Keine Verbindung zu %1 möglich: %2.</translation>
    </message>
    <message>
        <source>The connection failed: %1.</source>
        <translation>Die Verbindung ist fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <source>No address of %1 accepted a connection in time.</source>
        <translation>Keine Adresse von %1 hat rechtzeitig eine Verbindung angenommen.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1…</translation>
    </message>
    <message>
        <source>TLS handshake with %1…</source>
        <translation>TLS-Handshake mit %1…</translation>
    </message>
    <message>
        <source>Waiting for %1 %2 on %3…</source>
        <translation>Wartet auf %1 %2 bei %3…</translation>
    </message>
    <message>
        <source>Receiving the answer to %1 %2 from %3…</source>
        <translation>Empfängt die Antwort auf %1 %2 von %3…</translation>
    </message>
    <message>
        <source>Timed out after %1 s while connecting to %2.</source>
        <translation>Zeitüberschreitung nach %1 s beim Verbinden mit %2.</translation>
    </message>
    <message>
        <source>Timed out after %1 s during the TLS handshake with %2.</source>
        <translation>Zeitüberschreitung nach %1 s während des TLS-Handshakes mit %2.</translation>
    </message>
    <message>
        <source>Timed out after %1 s with the request sent and nothing received.</source>
        <translation>Zeitüberschreitung nach %1 s: Die Anfrage war gesendet, empfangen wurde nichts.</translation>
    </message>
    <message>
        <source>Timed out after %1 s with the status line and headers received only in part.</source>
        <translation>Zeitüberschreitung nach %1 s: Statuszeile und Header kamen nur teilweise an.</translation>
    </message>
    <message numerus="yes">
        <source>Timed out after %1 s with the headers received (%2) and the body incomplete (%n byte(s) received).</source>
        <translation>
            <numerusform>Zeitüberschreitung nach %1 s: Die Header kamen an (%2), der Inhalt blieb unvollständig (%n Byte empfangen).</numerusform>
            <numerusform>Zeitüberschreitung nach %1 s: Die Header kamen an (%2), der Inhalt blieb unvollständig (%n Bytes empfangen).</numerusform>
        </translation>
    </message>
    <message>
        <source>Timed out after %1 s.</source>
        <translation>Zeitüberschreitung nach %1 s.</translation>
    </message>
    <message>
        <source>The proxy %1 asks for credentials (407 Proxy Authentication Required) before it opens a tunnel to %2.</source>
        <translation>Der Proxy %1 verlangt Anmeldedaten (407 Proxy Authentication Required), bevor er einen Tunnel zu %2 öffnet.</translation>
    </message>
    <message>
        <source>The proxy %1 cannot be reached: %2.</source>
        <translation>Der Proxy %1 ist nicht erreichbar: %2.</translation>
    </message>
    <message>
        <source>The proxy %1 did not open a tunnel (CONNECT) to %2: %3.</source>
        <translation>Der Proxy %1 hat keinen Tunnel (CONNECT) zu %2 geöffnet: %3.</translation>
    </message>
</context>
<context>
    <name>gjd::HttpProbe</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Waiting to ask %1 again: it answered 429 Too Many Requests…</source>
        <translation>Wartet, um %1 erneut zu fragen: Die Antwort war 429 Too Many Requests…</translation>
    </message>
</context>
<context>
    <name>gjd::InputUrlCheck</name>
    <message>
        <source>Enter the address users open in the browser, such as https://gitlab.example.com (a relative root like https://example.com/gitlab is fine).</source>
        <translation>Geben Sie die Adresse ein, die Benutzer im Browser öffnen, zum Beispiel https://gitlab.example.com (ein relativer Pfad wie https://example.com/gitlab ist in Ordnung).</translation>
    </message>
    <message>
        <source>Checking %1.</source>
        <translation>%1 wird geprüft.</translation>
    </message>
    <message>
        <source>The public URL is invalid: %1</source>
        <translation>Die öffentliche URL ist ungültig: %1</translation>
    </message>
    <message>
        <source>Enter the reverse-proxy address Jira Cloud uses, such as https://gitlab.example.com.</source>
        <translation>Geben Sie die Reverse-Proxy-Adresse ein, die Jira Cloud verwendet, zum Beispiel https://gitlab.example.com.</translation>
    </message>
    <message>
        <source>Public URL: %1</source>
        <translation>Öffentliche URL: %1</translation>
    </message>
    <message>
        <source>Jira Cloud and GitLab.com reach the instance through %1; API calls go to %2.</source>
        <translation>Jira Cloud und GitLab.com erreichen die Instanz über %1; API-Aufrufe gehen an %2.</translation>
    </message>
    <message>
        <source>Use %1 exactly, wherever the instance URL is entered (the Jira app&apos;s &quot;GitLab version&quot; dialog, the setup wizard).</source>
        <translation>Verwenden Sie genau %1, überall dort, wo die Instanz-URL eingegeben wird (im Dialog „GitLab version“ der Jira-App, im Einrichtungsassistenten).</translation>
    </message>
</context>
<context>
    <name>gjd::InstallTypes</name>
    <message>
        <source>the jira_forge_app_id setting is set (%1)</source>
        <translation>die Einstellung jira_forge_app_id ist gesetzt (%1)</translation>
    </message>
    <message>
        <source>the Jira Connect Proxy URL setting is %1</source>
        <translation>die Einstellung Jira Connect Proxy URL ist %1</translation>
    </message>
    <message>
        <source>the Jira Connect Proxy URL setting points at another instance (%1), which relays through its own private Connect app</source>
        <translation>die Einstellung Jira Connect Proxy URL zeigt auf eine andere Instanz (%1), die über ihre eigene private Connect-App vermittelt</translation>
    </message>
    <message>
        <source>no Jira Connect Proxy URL, and public key storage is on: the instance serves its own Connect app and relays for other instances</source>
        <translation>keine Jira Connect Proxy URL, und die Speicherung öffentlicher Schlüssel ist an: Die Instanz stellt ihre eigene Connect-App bereit und vermittelt für andere Instanzen</translation>
    </message>
    <message>
        <source>no Jira Connect Proxy URL, and an Application ID is set: the instance serves its own Connect app (a manual install)</source>
        <translation>keine Jira Connect Proxy URL, und eine Application ID ist gesetzt: Die Instanz stellt ihre eigene Connect-App bereit (eine manuelle Installation)</translation>
    </message>
    <message>
        <source>no Jira Connect Proxy URL, Application ID or Forge app ID is set</source>
        <translation>weder Jira Connect Proxy URL noch Application ID noch Forge-App-ID ist gesetzt</translation>
    </message>
    <message>
        <source>the descriptor key is %1: the proxy URL is GitLab.com</source>
        <translation>der Schlüssel im Deskriptor ist %1: Die Proxy-URL ist GitLab.com</translation>
    </message>
    <message>
        <source>the descriptor key %1 names another instance as the proxy</source>
        <translation>der Schlüssel %1 im Deskriptor nennt eine andere Instanz als Proxy</translation>
    </message>
    <message>
        <source>the descriptor key %1 is the instance&apos;s own, and /-/jira_connect/oauth_application_id answers 404 (no Application ID set)</source>
        <translation>der Schlüssel %1 im Deskriptor ist der eigene der Instanz, und /-/jira_connect/oauth_application_id antwortet 404 (keine Application ID gesetzt)</translation>
    </message>
    <message>
        <source>the descriptor key %1 is the instance&apos;s own, and an Application ID is published</source>
        <translation>der Schlüssel %1 im Deskriptor ist der eigene der Instanz, und eine Application ID wird veröffentlicht</translation>
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
    <message>
        <source>The URL is malformed (check the host name and the port).</source>
        <translation>Die URL ist fehlerhaft (prüfen Sie den Host-Namen und den Port).</translation>
    </message>
</context>
<context>
    <name>gjd::JiraAdminGroupCheck</name>
    <message>
        <source>%1 is in %2.</source>
        <translation>%1 ist in %2.</translation>
    </message>
    <message>
        <source>GitLab accepts org-admins from GitLab 16.6 on.</source>
        <translation>GitLab akzeptiert org-admins ab GitLab 16.6.</translation>
    </message>
    <message>
        <source>%1 is in no group; GitLab needs site-admins or org-admins.</source>
        <translation>%1 ist in keiner Gruppe; GitLab verlangt site-admins oder org-admins.</translation>
    </message>
    <message>
        <source>%1 is in %2, but not in site-admins or org-admins, the only groups GitLab accepts.</source>
        <translation>%1 ist in %2, aber nicht in site-admins oder org-admins, den einzigen Gruppen, die GitLab akzeptiert.</translation>
    </message>
    <message>
        <source>Add the user to site-admins (original user management) or org-admins (centralized user management) in admin.atlassian.com; the Administer Jira permission alone is not enough.</source>
        <translation>Nehmen Sie den Benutzer in admin.atlassian.com in site-admins (ursprüngliche Benutzerverwaltung) oder org-admins (zentrale Benutzerverwaltung) auf; die Berechtigung „Jira verwalten“ allein genügt nicht.</translation>
    </message>
    <message>
        <source>Admin rights given through custom groups or product roles are not detected: GitLab checks only the membership in site-admins or org-admins, because its OAuth scopes do not allow Jira&apos;s permission API.</source>
        <translation>Administratorrechte über eigene Gruppen oder Produktrollen werden nicht erkannt: GitLab prüft nur die Mitgliedschaft in site-admins oder org-admins, weil seine OAuth-Bereiche Jiras Berechtigungs-API nicht zulassen.</translation>
    </message>
    <message>
        <source>The groups of %1 could not be read (see jira.auth).</source>
        <translation>Die Gruppen von %1 konnten nicht gelesen werden (siehe jira.auth).</translation>
    </message>
</context>
<context>
    <name>gjd::JiraAuthCheck</name>
    <message>
        <source>Check the Jira site address; Atlassian&apos;s certificates are public, so a failure here means a TLS-intercepting proxy or a wrong address.</source>
        <translation>Prüfen Sie die Adresse der Jira-Site; die Zertifikate von Atlassian sind öffentlich, ein Fehler hier bedeutet also einen TLS-aufbrechenden Proxy oder eine falsche Adresse.</translation>
    </message>
    <message>
        <source>%1 gave no complete answer: %2</source>
        <translation>%1 hat keine vollständige Antwort geliefert: %2</translation>
    </message>
    <message>
        <source>Check the Jira site address (https://&lt;your-site&gt;.atlassian.net) and this computer&apos;s connection.</source>
        <translation>Prüfen Sie die Adresse der Jira-Site (https://&lt;your-site&gt;.atlassian.net) und die Verbindung dieses Computers.</translation>
    </message>
    <message>
        <source>Jira refused the sign-in: that is the account password, and Jira Cloud only accepts an API token.</source>
        <translation>Jira hat die Anmeldung abgelehnt: Das ist das Kontopasswort, und Jira Cloud akzeptiert nur ein API-Token.</translation>
    </message>
    <message>
        <source>Jira refused the sign-in of %1 (401): the email or the API token is wrong, or the token was revoked.</source>
        <translation>Jira hat die Anmeldung von %1 abgelehnt (401): Die E-Mail-Adresse oder das API-Token ist falsch, oder das Token wurde widerrufen.</translation>
    </message>
    <message>
        <source>The site&apos;s IP allowlist blocks this computer: %1</source>
        <translation>Die IP-Zulassungsliste der Site sperrt diesen Computer: %1</translation>
    </message>
    <message>
        <source>Run the check from an allowed network, or ask an organization admin to add this computer&apos;s address to the IP allowlist (admin.atlassian.com → Security → IP allowlists).</source>
        <translation>Führen Sie die Prüfung aus einem zugelassenen Netz aus, oder bitten Sie einen Organisations-Admin, die Adresse dieses Computers in die IP-Zulassungsliste aufzunehmen (admin.atlassian.com → Security → IP allowlists).</translation>
    </message>
    <message>
        <source>Jira refused access (403): %1</source>
        <translation>Jira hat den Zugriff verweigert (403): %1</translation>
    </message>
    <message>
        <source>Jira answered 429 (rate limited) twice, the second time after waiting as Retry-After asked.</source>
        <translation>Jira hat zweimal mit 429 (Ratenbegrenzung) geantwortet, beim zweiten Mal nach der in Retry-After verlangten Wartezeit.</translation>
    </message>
    <message>
        <source>Wait a minute and run the check again.</source>
        <translation>Warten Sie eine Minute und führen Sie die Prüfung erneut aus.</translation>
    </message>
    <message>
        <source>%1 answered %2 and not with Jira&apos;s JSON: the site is unknown or not Jira Cloud.</source>
        <translation>%1 hat mit %2 geantwortet, nicht mit dem JSON von Jira: Die Site ist unbekannt oder kein Jira Cloud.</translation>
    </message>
    <message>
        <source>Use the address of your Jira Cloud site, such as https://your-site.atlassian.net.</source>
        <translation>Verwenden Sie die Adresse Ihrer Jira-Cloud-Site, etwa https://your-site.atlassian.net.</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2.</source>
        <translation>Bei %1 als %2 angemeldet.</translation>
    </message>
    <message>
        <source>No Jira site given (%1): the Jira user is not checked.</source>
        <translation>Keine Jira-Site angegeben (%1): Der Jira-Benutzer wird nicht geprüft.</translation>
    </message>
    <message>
        <source>Create an API token for %1 at %2 and use it (%3): Jira Cloud accepts API tokens, not account passwords.</source>
        <translation>Erstellen Sie unter %2 ein API-Token für %1 und verwenden Sie es (%3): Jira Cloud akzeptiert API-Tokens, keine Kontopasswörter.</translation>
    </message>
</context>
<context>
    <name>gjd::JiraBrowseUsersCheck</name>
    <message>
        <source>Grant the global permission Browse users and groups to a group the user is in (Jira settings → System → Global permissions).</source>
        <translation>Erteilen Sie die globale Berechtigung „Benutzer und Gruppen durchsuchen“ einer Gruppe, in der der Benutzer ist (Jira-Einstellungen → System → Globale Berechtigungen).</translation>
    </message>
    <message>
        <source>%1 may browse users and groups.</source>
        <translation>%1 darf Benutzer und Gruppen durchsuchen.</translation>
    </message>
    <message>
        <source>%1 lacks the global permission Browse users and groups (USER_PICKER): GitLab cannot read the user&apos;s groups.</source>
        <translation>%1 fehlt die globale Berechtigung „Benutzer und Gruppen durchsuchen“ (USER_PICKER): GitLab kann die Gruppen des Benutzers nicht lesen.</translation>
    </message>
    <message>
        <source>%1 may browse users and groups (the user&apos;s groups could be read).</source>
        <translation>%1 darf Benutzer und Gruppen durchsuchen (die Gruppen des Benutzers ließen sich lesen).</translation>
    </message>
    <message>
        <source>%1 may not read users&apos; groups (403): the global permission Browse users and groups is missing.</source>
        <translation>%1 darf die Gruppen von Benutzern nicht lesen (403): Die globale Berechtigung „Benutzer und Gruppen durchsuchen“ fehlt.</translation>
    </message>
    <message>
        <source>The permission could not be determined (mypermissions answered %1).</source>
        <translation>Die Berechtigung ließ sich nicht ermitteln (mypermissions hat mit %1 geantwortet).</translation>
    </message>
</context>
<context>
    <name>gjd::JunitFormatter</name>
    <message>
        <source>Fix: %1</source>
        <translation>Behebung: %1</translation>
    </message>
    <message>
        <source>Explains: %1</source>
        <translation>Erklärt: %1</translation>
    </message>
    <message>
        <source>Documentation: %1</source>
        <translation>Dokumentation: %1</translation>
    </message>
</context>
<context>
    <name>gjd::KeychainCredentialStore</name>
    <message>
        <source>Access to the keychain was denied.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert.</translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>macOS-Schlüsselbund</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows-Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <source>Secret Service over D-Bus</source>
        <translation>Secret Service über D-Bus</translation>
    </message>
    <message>
        <source>The keychain (%1) cannot be reached: %2.</source>
        <translation>Der Schlüsselbund (%1) ist nicht erreichbar: %2.</translation>
    </message>
    <message>
        <source>there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)</source>
        <translation>es gibt keinen D-Bus-Sitzungsbus (DBUS_SESSION_BUS_ADDRESS ist nicht gesetzt)</translation>
    </message>
    <message>
        <source>%1 (D-Bus session bus %2)</source>
        <translation>%1 (D-Bus-Sitzungsbus %2)</translation>
    </message>
    <message>
        <source>The keychain (%1) cannot be reached: %2. It needs a Secret Service such as GNOME Keyring or KWallet, running in the user&apos;s desktop session.</source>
        <translation>Der Schlüsselbund (%1) ist nicht erreichbar: %2. Er braucht einen Secret Service wie GNOME Keyring oder KWallet, der in der Desktop-Sitzung des Benutzers läuft.</translation>
    </message>
    <message>
        <source>The keychain (%1) could not delete the entry: %2.</source>
        <translation>Der Schlüsselbund (%1) konnte den Eintrag nicht löschen: %2.</translation>
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
        <source>Recent &amp;instances</source>
        <translation>Zuletzt ge&amp;prüfte Instanzen</translation>
    </message>
    <message>
        <source>Recent instances</source>
        <translation>Zuletzt geprüfte Instanzen</translation>
    </message>
    <message>
        <source>&amp;Open export…</source>
        <translation>Export ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a troubleshooting export or report in the export viewer</source>
        <translation>Einen Fehlerbehebungs-Export oder Bericht in der Export-Ansicht öffnen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Save a troubleshooting export of the finished check</source>
        <translation>Einen Fehlerbehebungs-Export der abgeschlossenen Prüfung speichern</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Dokumentation</translation>
    </message>
    <message>
        <source>The pages of GitLab Jira Doctor could not be created. Install the package gitlab-jira-doctor again.</source>
        <translation>Die Seiten von GitLab Jira Doctor konnten nicht erstellt werden. Installieren Sie das Paket gitlab-jira-doctor erneut.</translation>
    </message>
    <message>
        <source>Check a &amp;fleet…</source>
        <translation>&amp;Mehrere Instanzen prüfen…</translation>
    </message>
    <message>
        <source>Open a targets file (one instance URL a line) and check every instance in it</source>
        <translation>Eine Zieldatei öffnen (eine Instanz-URL je Zeile) und jede darin genannte Instanz prüfen</translation>
    </message>
    <message>
        <source>Check the &amp;recent instances</source>
        <translation>&amp;Alle zuletzt geprüften Instanzen prüfen</translation>
    </message>
    <message>
        <source>Check every instance of the recent instances at once, one row each</source>
        <translation>Alle zuletzt geprüften Instanzen auf einmal prüfen, eine Zeile je Instanz</translation>
    </message>
</context>
<context>
    <name>gjd::ManualForgeNetworkCheck</name>
    <message>
        <source>an HTTP status line: in native Forge mode GitLab sends development information there</source>
        <translation>eine HTTP-Statuszeile: Im nativen Forge-Modus sendet GitLab die Entwicklungsinformationen dorthin</translation>
    </message>
    <message>
        <source>a JSON document with &quot;keys&quot;: GitLab checks Forge&apos;s invocation tokens with them and waits at most 5 seconds</source>
        <translation>ein JSON-Dokument mit „keys“: Damit prüft GitLab die Invocation-Tokens von Forge und wartet höchstens 5 Sekunden</translation>
    </message>
    <message>
        <source>On the GitLab server run &quot;curl --head https://api.atlassian.com&quot; and &quot;curl https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json&quot;; let Atlassian&apos;s &quot;Outgoing Connections&quot; ranges reach %1/api/v4/integrations/jira_forge/.</source>
        <translation>Führen Sie auf dem GitLab-Server „curl --head https://api.atlassian.com“ und „curl https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json“ aus; lassen Sie Atlassians Adressbereiche „Outgoing Connections“ %1/api/v4/integrations/jira_forge/ erreichen.</translation>
    </message>
    <message>
        <source>Native Forge mode is experimental in GitLab. This computer is not the GitLab server and not Atlassian, so it cannot test this traffic:
</source>
        <translation>Der native Forge-Modus ist in GitLab experimentell. Dieser Computer ist weder der GitLab-Server noch Atlassian und kann diesen Verkehr daher nicht testen:
</translation>
    </message>
    <message>
        <source>

Inbound, Forge calls the instance from the ranges Atlassian lists as &quot;Outgoing Connections&quot; and gives up after 25 seconds for calls from Jira&apos;s pages and 5 seconds for events.</source>
        <translation>

Eingehend ruft Forge die Instanz aus den Bereichen auf, die Atlassian als „Outgoing Connections“ führt, und gibt nach 25 Sekunden bei Aufrufen aus Jiras Seiten und nach 5 Sekunden bei Ereignissen auf.</translation>
    </message>
    <message>
        <source>Allow outbound HTTPS from the GitLab server to api.atlassian.com and forge.cdn.prod.atlassian-dev.net, and inbound HTTPS from Atlassian&apos;s &quot;Outgoing Connections&quot; ranges.</source>
        <translation>Erlauben Sie ausgehendes HTTPS vom GitLab-Server zu api.atlassian.com und forge.cdn.prod.atlassian-dev.net und eingehendes HTTPS aus Atlassians Bereichen „Outgoing Connections“.</translation>
    </message>
</context>
<context>
    <name>gjd::ManualInboundCheck</name>
    <message>
        <source>lifecycle events only: users&apos; browsers must still reach the rest of GitLab</source>
        <translation>nur Lifecycle-Ereignisse: Die Browser der Benutzer müssen den Rest von GitLab weiterhin erreichen</translation>
    </message>
    <message>
        <source>Atlassian egress ranges for Jira: https://ip-ranges.atlassian.com/ (direction egress, product jira)</source>
        <translation>Egress-Adressbereiche von Atlassian für Jira: https://ip-ranges.atlassian.com/ (direction egress, product jira)</translation>
    </message>
    <message>
        <source>your GitLab upstream</source>
        <translation>Ihr GitLab-Upstream</translation>
    </message>
    <message>
        <source>This computer cannot test whether GitLab.com (34.74.90.64/28, 34.74.226.0/24) and Jira Cloud reach %1; check the firewall allows them.</source>
        <translation>Dieser Computer kann nicht testen, ob GitLab.com (34.74.90.64/28, 34.74.226.0/24) und Jira Cloud %1 erreichen; prüfen Sie, ob die Firewall sie zulässt.</translation>
    </message>
    <message>
        <source>This computer cannot test whether Jira Cloud (Atlassian&apos;s egress ranges) reaches %1; check the firewall allows it.</source>
        <translation>Dieser Computer kann nicht testen, ob Jira Cloud (die Egress-Adressbereiche von Atlassian) %1 erreicht; prüfen Sie, ob die Firewall das zulässt.</translation>
    </message>
    <message>
        <source>If the instance is behind a firewall, allow at least these sources to port %1. An nginx snippet that restricts only the lifecycle events:

%2</source>
        <translation>Wenn die Instanz hinter einer Firewall steht, lassen Sie mindestens diese Quellen zu Port %1 zu. Ein nginx-Snippet, das nur die Lifecycle-Ereignisse beschränkt:

%2</translation>
    </message>
    <message>
        <source>Allow inbound HTTPS from the ranges above; Atlassian&apos;s list changes, so take it from https://ip-ranges.atlassian.com/ (items with direction &quot;egress&quot; and product &quot;jira&quot;).</source>
        <translation>Erlauben Sie eingehendes HTTPS aus den obigen Adressbereichen; die Liste von Atlassian ändert sich, entnehmen Sie sie daher https://ip-ranges.atlassian.com/ (Einträge mit direction „egress“ und product „jira“).</translation>
    </message>
</context>
<context>
    <name>gjd::ManualOutboundCheck</name>
    <message>
        <source>an HTTP status line (200 or 30x): GitLab.com relays the install events and serves the public keys</source>
        <translation>eine HTTP-Statuszeile (200 oder 30x): GitLab.com leitet die Installationsereignisse weiter und stellt die öffentlichen Schlüssel bereit</translation>
    </message>
    <message>
        <source>&quot;HTTP/2 404&quot;: the host answers, which is all that is needed</source>
        <translation>„HTTP/2 404“: Der Host antwortet, mehr ist nicht nötig</translation>
    </message>
    <message>
        <source>an HTTP status line: GitLab sends development information to Jira Cloud</source>
        <translation>eine HTTP-Statuszeile: GitLab sendet Entwicklungsinformationen an Jira Cloud</translation>
    </message>
    <message>
        <source>On the GitLab server itself run &quot;curl --head https://gitlab.com&quot; (expect a status line) and &quot;curl --head https://connect-install-keys.atlassian.com&quot; (expect 404).</source>
        <translation>Führen Sie auf dem GitLab-Server selbst „curl --head https://gitlab.com“ (erwartet: eine Statuszeile) und „curl --head https://connect-install-keys.atlassian.com“ (erwartet: 404) aus.</translation>
    </message>
    <message>
        <source>On the GitLab server itself run &quot;curl --head https://connect-install-keys.atlassian.com&quot; (expect 404).</source>
        <translation>Führen Sie auf dem GitLab-Server selbst „curl --head https://connect-install-keys.atlassian.com“ aus (erwartet: 404).</translation>
    </message>
    <message>
        <source>This computer is not the GitLab server, so it cannot test the server&apos;s outbound traffic:
</source>
        <translation>Dieser Computer ist nicht der GitLab-Server und kann daher den ausgehenden Verkehr des Servers nicht testen:
</translation>
    </message>
    <message>
        <source>

A timeout or &quot;Could not resolve host&quot; means the firewall or proxy blocks the instance&apos;s outbound HTTPS; in gitlab.rb, gitlab_rails[&apos;env&apos;] can set http_proxy/https_proxy.</source>
        <translation>

Ein Timeout oder „Could not resolve host“ bedeutet, dass die Firewall oder ein Proxy ausgehendes HTTPS der Instanz blockiert; in gitlab.rb kann gitlab_rails[&apos;env&apos;] http_proxy/https_proxy setzen.</translation>
    </message>
    <message>
        <source>Allow outbound HTTPS from the GitLab server to gitlab.com, connect-install-keys.atlassian.com and your Atlassian site.</source>
        <translation>Erlauben Sie ausgehendes HTTPS vom GitLab-Server zu gitlab.com, connect-install-keys.atlassian.com und Ihrer Atlassian-Site.</translation>
    </message>
</context>
<context>
    <name>gjd::MarkdownFormatter</name>
    <message>
        <source>GitLab for Jira Cloud app diagnostics: %1</source>
        <translation>Diagnose der GitLab-for-Jira-Cloud-App: %1</translation>
    </message>
    <message>
        <source>Verdict: **%1**</source>
        <translation>Ergebnis: **%1**</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>status: count</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Method: %1 (%2)</source>
        <translation>Methode: %1 (%2)</translation>
    </message>
    <message>
        <source>Public URL: %1</source>
        <translation>Öffentliche URL: %1</translation>
    </message>
    <message>
        <source>GitLab Jira Doctor %1, %2</source>
        <translation>GitLab Jira Doctor %1, %2</translation>
    </message>
    <message>
        <source>What to fix</source>
        <translation>Was zu beheben ist</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Behebung: %1</translation>
    </message>
    <message>
        <source>Explains: %1</source>
        <translation>Erklärt: %1</translation>
    </message>
    <message>
        <source>All checks</source>
        <translation>Alle Prüfungen</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Install type: %1 (decided from %2)</source>
        <translation>Art der Installation: %1 (bestimmt aus %2)</translation>
    </message>
</context>
<context>
    <name>gjd::MethodAdvice</name>
    <message>
        <source>GitLab %1 is older than 15.7: upgrade first; the Marketplace app needs 15.7 and OAuth for the app arrived then.</source>
        <translation>GitLab %1 ist älter als 15.7: Aktualisieren Sie zuerst; die Marketplace-App braucht 15.7, und OAuth für die App kam mit dieser Version.</translation>
    </message>
    <message>
        <source>GitLab %1 cannot create branches from Jira with the Marketplace app; that needs 17.2.</source>
        <translation>GitLab %1 kann mit der Marketplace-App keine Branches aus Jira anlegen; das braucht 17.2.</translation>
    </message>
    <message>
        <source>GitLab&apos;s settings show a legacy Connect install: %1.</source>
        <translation>Die Einstellungen von GitLab zeigen eine alte Connect-Installation: %1.</translation>
    </message>
    <message>
        <source>Other instances use this one as their Jira Connect proxy: every instance whose Jira Connect Proxy URL points here must move to the Marketplace app too.</source>
        <translation>Andere Instanzen nutzen diese als ihren Jira-Connect-Proxy: Jede Instanz, deren Jira Connect Proxy URL hierher zeigt, muss ebenfalls zur Marketplace-App wechseln.</translation>
    </message>
    <message>
        <source>GitLab is already set up for the Marketplace app (%1): the wizard checks it and completes what is missing.</source>
        <translation>GitLab ist schon für die Marketplace-App eingerichtet (%1): Der Assistent prüft das und ergänzt, was fehlt.</translation>
    </message>
    <message>
        <source>GitLab&apos;s experimental native Forge mode is set (%1). This wizard sets up the Marketplace app and leaves jira_forge_app_id as it is.</source>
        <translation>Der experimentelle native Forge-Modus von GitLab ist gesetzt (%1). Dieser Assistent richtet die Marketplace-App ein und lässt jira_forge_app_id, wie es ist.</translation>
    </message>
    <message>
        <source>New installs use the Marketplace app.</source>
        <translation>Neue Installationen nutzen die Marketplace-App.</translation>
    </message>
</context>
<context>
    <name>gjd::MethodDetection</name>
    <message>
        <source>detected from the Jira Connect Proxy URL setting (%1)</source>
        <translation>erkannt an der Einstellung Jira Connect Proxy URL (%1)</translation>
    </message>
    <message>
        <source>detected: no proxy URL, public key storage on</source>
        <translation>erkannt: keine Proxy-URL, Speicherung öffentlicher Schlüssel aktiviert</translation>
    </message>
    <message>
        <source>detected: the Jira Connect Proxy URL setting is blank</source>
        <translation>erkannt: Die Einstellung Jira Connect Proxy URL ist leer</translation>
    </message>
    <message>
        <source>detected from the descriptor key %1</source>
        <translation>erkannt am Deskriptor-Key %1</translation>
    </message>
    <message>
        <source>detected from the descriptor key %1 (no proxy URL set)</source>
        <translation>erkannt am Deskriptor-Key %1 (keine Proxy-URL gesetzt)</translation>
    </message>
    <message>
        <source>assumed: the method could not be detected, and Marketplace is the only one open to new installs</source>
        <translation>angenommen: Die Methode ließ sich nicht erkennen, und Marketplace ist die einzige, die neue Installationen zulässt</translation>
    </message>
</context>
<context>
    <name>gjd::Migration</name>
    <message>
        <source>Uninstall the private app with the key %1 that this instance served.</source>
        <translation>Deinstallieren Sie die private App mit dem Schlüssel %1, die diese Instanz bereitgestellt hat.</translation>
    </message>
    <message>
        <source>Install &quot;GitLab for Jira Cloud&quot; from the Atlassian Marketplace. Where Jira asks, approve its major upgrade to Atlassian&apos;s Forge platform.</source>
        <translation>Installieren Sie „GitLab for Jira Cloud“ aus dem Atlassian Marketplace. Wo Jira danach fragt, genehmigen Sie das Major-Upgrade auf Atlassians Forge-Plattform.</translation>
    </message>
    <message>
        <source>In Installed apps, open the app&apos;s menu (…) → Get started → Change GitLab version → GitLab self-managed, enter %1 (no trailing slash) and sign in to GitLab.</source>
        <translation>Öffnen Sie unter Installed apps das Menü der App (…) → Get started → Change GitLab version → GitLab self-managed, geben Sie %1 ein (ohne abschließenden Schrägstrich) und melden Sie sich bei GitLab an.</translation>
    </message>
    <message>
        <source>Link your groups again in the Marketplace app (Link groups).</source>
        <translation>Verknüpfen Sie Ihre Gruppen in der Marketplace-App erneut (Link groups).</translation>
    </message>
    <message>
        <source>Link groups: link the groups whose projects Jira should show.</source>
        <translation>Link groups: Verknüpfen Sie die Gruppen, deren Projekte Jira zeigen soll.</translation>
    </message>
    <message>
        <source>Uninstall the private GitLab for Jira Cloud app (the one installed from a descriptor URL, not from the Marketplace).</source>
        <translation>Deinstallieren Sie die private GitLab-for-Jira-Cloud-App (die über eine Deskriptor-URL installierte, nicht die aus dem Marketplace).</translation>
    </message>
    <message>
        <source>In Jira, where it says &quot;App management has moved to Administration&quot;, choose Take me there → Installed apps (older sites still show Manage your apps).</source>
        <translation>Wo Jira „App management has moved to Administration“ sagt, wählen Sie Take me there → Installed apps (ältere Sites zeigen noch Manage your apps).</translation>
    </message>
</context>
<context>
    <name>gjd::PageLoader</name>
    <message>
        <source>This installation of GitLab Jira Doctor is incomplete: %1 is missing. Install the package gitlab-jira-doctor again.</source>
        <translation>Diese Installation von GitLab Jira Doctor ist unvollständig: %1 fehlt. Installieren Sie das Paket gitlab-jira-doctor erneut.</translation>
    </message>
    <message>
        <source>This installation of GitLab Jira Doctor is incomplete: its pages could not be loaded (%1). Install the package gitlab-jira-doctor again.</source>
        <translation>Diese Installation von GitLab Jira Doctor ist unvollständig: Die Seiten des Programms konnten nicht geladen werden (%1). Installieren Sie das Paket gitlab-jira-doctor erneut.</translation>
    </message>
    <message>
        <source>%1 belongs to version %2, not %3</source>
        <translation>%1 gehört zu Version %2, nicht zu %3</translation>
    </message>
</context>
<context>
    <name>gjd::PlatformConnectEolCheck</name>
    <message>
        <source>A native Forge install does not rely on Atlassian Connect.</source>
        <translation>Eine native Forge-Installation hängt nicht von Atlassian Connect ab.</translation>
    </message>
    <message>
        <source>A new %1 install cannot be made: %2</source>
        <translation>Eine neue Installation mit der Methode %1 ist nicht möglich: %2</translation>
    </message>
    <message>
        <source>The %1 method relies on Atlassian Connect. %2</source>
        <translation>Die Methode %1 hängt von Atlassian Connect ab. %2</translation>
    </message>
    <message>
        <source>Move to the Marketplace app: %1 prepares GitLab (proxy URL https://gitlab.com, an OAuth application with GitLab.com&apos;s callback), then install &quot;GitLab for Jira Cloud&quot; from the Atlassian Marketplace in Jira.</source>
        <translation>Ziehen Sie zur Marketplace-App um: %1 bereitet GitLab vor (Proxy-URL https://gitlab.com, eine OAuth-Anwendung mit dem Callback von GitLab.com); installieren Sie dann „GitLab for Jira Cloud“ aus dem Atlassian Marketplace in Jira.</translation>
    </message>
</context>
<context>
    <name>gjd::PlatformForgeUpgradeCheck</name>
    <message>
        <source>Approve the upgrade as a Jira administrator (member of site-admins or org-admins).</source>
        <translation>Genehmigen Sie das Upgrade als Jira-Administrator (Mitglied von site-admins oder org-admins).</translation>
    </message>
</context>
<context>
    <name>gjd::PlatformInstallTypeCheck</name>
    <message>
        <source>The install type could not be decided: no administrator&apos;s token was given, and the descriptor and the Application ID endpoint gave no usable answer.</source>
        <translation>Die Art der Installation ließ sich nicht bestimmen: Es wurde kein Administrator-Token angegeben, und Deskriptor und Application-ID-Endpunkt gaben keine brauchbare Antwort.</translation>
    </message>
    <message>
        <source>Decided from the GitLab settings: %1.</source>
        <translation>Bestimmt aus den GitLab-Einstellungen: %1.</translation>
    </message>
    <message>
        <source>Decided without a token, from %1. A native Forge install (jira_forge_app_id) shows only in the settings.</source>
        <translation>Ohne Token bestimmt, daraus: %1. Eine native Forge-Installation (jira_forge_app_id) zeigt sich nur in den Einstellungen.</translation>
    </message>
    <message>
        <source>This GitLab has no jira_forge_app_id setting: it predates GitLab&apos;s Forge support.</source>
        <translation>Dieses GitLab hat keine Einstellung jira_forge_app_id: Es ist älter als die Forge-Unterstützung von GitLab.</translation>
    </message>
    <message>
        <source>Move to the Marketplace app: gitlab-jira-doctor-cli configure &lt;URL&gt; --method marketplace, or the desktop program&apos;s setup wizard (&quot;Existing legacy install: move it to the Marketplace app&quot;), then install &quot;GitLab for Jira Cloud&quot; from the Atlassian Marketplace in Jira.</source>
        <translation>Wechseln Sie zur Marketplace-App: gitlab-jira-doctor-cli configure &lt;URL&gt; --method marketplace oder der Einrichtungsassistent des Desktop-Programms („Bestehende alte Installation: zur Marketplace-App umziehen“); installieren Sie dann in Jira „GitLab for Jira Cloud“ aus dem Atlassian Marketplace.</translation>
    </message>
    <message>
        <source>marketplace: the Marketplace app, reached through GitLab.com, as expected.</source>
        <translation>marketplace: die Marketplace-App, über GitLab.com erreicht, wie erwartet.</translation>
    </message>
    <message>
        <source>forge-native: GitLab&apos;s native Forge mode, which is experimental in GitLab and not yet documented for administrators.</source>
        <translation>forge-native: der native Forge-Modus von GitLab, in GitLab experimentell und für Administratoren noch nicht dokumentiert.</translation>
    </message>
    <message>
        <source>legacy-connect: a private Connect app, which Atlassian&apos;s Connect end of support puts at risk.</source>
        <translation>legacy-connect: eine private Connect-App, die das Support-Ende von Atlassian Connect gefährdet.</translation>
    </message>
    <message>
        <source>Other instances use this one as their Jira Connect proxy: each of them must move to the Marketplace app too.</source>
        <translation>Andere Instanzen nutzen diese als ihren Jira-Connect-Proxy: Jede von ihnen muss ebenfalls zur Marketplace-App wechseln.</translation>
    </message>
    <message>
        <source>none: the GitLab for Jira Cloud app is not set up on this instance.</source>
        <translation>none: Die GitLab-for-Jira-Cloud-App ist auf dieser Instanz nicht eingerichtet.</translation>
    </message>
    <message>
        <source>Set it up with the Marketplace method: gitlab-jira-doctor-cli configure &lt;URL&gt; --method marketplace, or the desktop program&apos;s setup wizard.</source>
        <translation>Richten Sie sie mit der Marketplace-Methode ein: gitlab-jira-doctor-cli configure &lt;URL&gt; --method marketplace oder der Einrichtungsassistent des Desktop-Programms.</translation>
    </message>
    <message>
        <source>Move to the Marketplace app with the setup wizard (&quot;Existing legacy install: move it to the Marketplace app&quot;), then install &quot;GitLab for Jira Cloud&quot; from the Atlassian Marketplace in Jira.</source>
        <translation>Ziehen Sie mit dem Einrichtungsassistenten zur Marketplace-App um („Bestehende alte Installation: zur Marketplace-App umziehen“), und installieren Sie dann „GitLab for Jira Cloud“ aus dem Atlassian Marketplace in Jira.</translation>
    </message>
    <message>
        <source>Set it up with the setup wizard (Set up the GitLab for Jira Cloud app, on the start page).</source>
        <translation>Richten Sie sie mit dem Einrichtungsassistenten ein (GitLab for Jira Cloud-App einrichten, auf der Startseite).</translation>
    </message>
</context>
<context>
    <name>gjd::PlatformText</name>
    <message>
        <source>A private Connect app cannot be installed since %1: Jira says &quot;%2&quot;.</source>
        <translation>Seit dem %1 lässt sich keine private Connect-App mehr installieren: Jira sagt „%2“.</translation>
    </message>
    <message>
        <source>From %1 Jira no longer installs private Connect apps from a descriptor URL.</source>
        <translation>Ab dem %1 installiert Jira keine privaten Connect-Apps mehr über eine Deskriptor-URL.</translation>
    </message>
    <message>
        <source>Whether development information synced under the private app&apos;s key survives the move to the Marketplace app is not known: after the move, look at the development panel of a few Jira issues.</source>
        <translation>Ob Entwicklungsinformationen, die unter dem Schlüssel der privaten App synchronisiert wurden, den Wechsel zur Marketplace-App überstehen, ist nicht bekannt: Sehen Sie sich nach dem Wechsel den Entwicklungsbereich einiger Jira-Vorgänge an.</translation>
    </message>
    <message>
        <source>Atlassian publishes no exact day on which Connect apps stop working.</source>
        <translation>Atlassian nennt keinen genauen Tag, an dem Connect-Apps aufhören zu funktionieren.</translation>
    </message>
    <message>
        <source>Atlassian dates Connect&apos;s end of support to %1 (no exact day is published); Jira shows Connect apps &quot;%2&quot;</source>
        <translation>Atlassian datiert das Support-Ende von Connect auf %1 (ein genauer Tag ist nicht veröffentlicht); Jira zeigt bei Connect-Apps „%2“</translation>
    </message>
    <message>
        <source>Atlassian ends Connect support in %1 (no exact day is published); a Connect app may stop working after that.</source>
        <translation>Atlassian beendet den Support für Connect im %1 (ein genauer Tag ist nicht veröffentlicht); danach kann eine Connect-App aufhören zu funktionieren.</translation>
    </message>
    <message>
        <source>In Jira, where it says &quot;App management has moved to Administration&quot;, choose Take me there → Installed apps (older sites still show Manage your apps) and find &quot;GitLab for Jira Cloud&quot;. If Jira asks an administrator to approve a major update of the app, approve it.</source>
        <translation>Wo Jira „App management has moved to Administration“ sagt, wählen Sie Take me there → Installed apps (ältere Sites zeigen noch Manage your apps) und suchen Sie „GitLab for Jira Cloud“. Wenn Jira einen Administrator bittet, ein Major-Update der App zu genehmigen, genehmigen Sie es.</translation>
    </message>
    <message>
        <source>GitLab republished the Marketplace app on Atlassian&apos;s Forge platform as a major upgrade that a Jira site or organization administrator must approve; for a site that already has the Marketplace app it keeps the app&apos;s key and the synced data. A site that has not approved it stays on the Connect version, which is the one at risk: %1 Nothing this program can ask tells whether a site approved it.</source>
        <translation>GitLab hat die Marketplace-App auf Atlassians Forge-Plattform neu veröffentlicht, als Major-Upgrade, das eine Site- oder Organisationsadministration in Jira genehmigen muss; für eine Site, die die Marketplace-App schon hat, bleiben Schlüssel und synchronisierte Daten der App erhalten. Eine Site ohne diese Genehmigung bleibt bei der Connect-Version, und die ist gefährdet: %1 Nichts, was dieses Programm abfragen kann, verrät, ob eine Site zugestimmt hat.</translation>
    </message>
</context>
<context>
    <name>gjd::PortAllowedCheck</name>
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
    <name>gjd::Probe</name>
    <message>
        <source>Running the %1 probe…</source>
        <translation>Die Abfrage %1 läuft…</translation>
    </message>
</context>
<context>
    <name>gjd::ProxyConfig</name>
    <message>
        <source>%1 is not a proxy URL of the form http://[user:password@]host[:port].</source>
        <translation>%1 ist keine Proxy-URL der Form http://[Benutzer:Passwort@]Host[:Port].</translation>
    </message>
    <message>
        <source>%1: HTTPS proxies (https://) are not supported; give the proxy as http://. The connection to the server is TLS from end to end either way.</source>
        <translation>%1: HTTPS-Proxys (https://) werden nicht unterstützt; geben Sie den Proxy als http:// an. Die Verbindung zum Server ist so oder so durchgehend TLS-verschlüsselt.</translation>
    </message>
    <message>
        <source>%1: SOCKS proxies are not supported; give an HTTP proxy (http://host:port) that allows CONNECT.</source>
        <translation>%1: SOCKS-Proxys werden nicht unterstützt; geben Sie einen HTTP-Proxy (http://Host:Port) an, der CONNECT erlaubt.</translation>
    </message>
</context>
<context>
    <name>gjd::RailsSnippet</name>
    <message>
        <source>Is the group linked to Jira?</source>
        <translation>Ist die Gruppe mit Jira verknüpft?</translation>
    </message>
    <message>
        <source>Does the project sync to Jira?</source>
        <translation>Wird das Projekt mit Jira synchronisiert?</translation>
    </message>
    <message>
        <source>Which groups does the Jira site link?</source>
        <translation>Welche Gruppen verknüpft die Jira-Site?</translation>
    </message>
</context>
<context>
    <name>gjd::Report</name>
    <message>
        <source>check id &quot;%1&quot; is not of [a-z0-9._-]+ (at most 64 characters)</source>
        <translation>Prüfungs-ID „%1“ besteht nicht aus [a-z0-9._-]+ (höchstens 64 Zeichen)</translation>
    </message>
    <message>
        <source>%1 checks; a report holds at most %2</source>
        <translation>%1 Prüfungen; ein Bericht enthält höchstens %2</translation>
    </message>
    <message>
        <source>check id %1 appears twice</source>
        <translation>Prüfungs-ID %1 kommt doppelt vor</translation>
    </message>
</context>
<context>
    <name>gjd::ReportDiff</name>
    <message>
        <source>(no date)</source>
        <translation>(kein Datum)</translation>
    </message>
    <message>
        <source>Diff of %1: %2, verdict %3 → %4, verdict %5</source>
        <translation>Vergleich für %1: %2, Ergebnis %3 → %4, Ergebnis %5</translation>
    </message>
    <message>
        <source>Diff: %1 %2, verdict %3 → %4 %5, verdict %6</source>
        <translation>Vergleich: %1 %2, Ergebnis %3 → %4 %5, Ergebnis %6</translation>
    </message>
    <message>
        <source>Warning: the reports are for different instances (%1 and %2).</source>
        <translation>Warnung: Die Berichte betreffen verschiedene Instanzen (%1 und %2).</translation>
    </message>
    <message numerus="yes">
        <source>%n fixed</source>
        <comment>diff summary</comment>
        <translation>
            <numerusform>%n behoben</numerusform>
            <numerusform>%n behoben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n newly failing</source>
        <comment>diff summary</comment>
        <translation>
            <numerusform>%n neu fehlgeschlagen</numerusform>
            <numerusform>%n neu fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still failing</source>
        <comment>diff summary</comment>
        <translation>
            <numerusform>%n weiterhin fehlgeschlagen</numerusform>
            <numerusform>%n weiterhin fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <comment>diff summary</comment>
        <translation>
            <numerusform>%n geändert</numerusform>
            <numerusform>%n geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>diff summary</comment>
        <translation>
            <numerusform>%n hinzugekommen</numerusform>
            <numerusform>%n hinzugekommen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>diff summary</comment>
        <translation>
            <numerusform>%n entfallen</numerusform>
            <numerusform>%n entfallen</numerusform>
        </translation>
    </message>
    <message>
        <source>No check changed its status.</source>
        <translation>Keine Prüfung hat ihren Status geändert.</translation>
    </message>
    <message>
        <source>New failures</source>
        <translation>Neu fehlgeschlagen</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Still failing</source>
        <translation>Weiterhin fehlgeschlagen</translation>
    </message>
    <message>
        <source>Other changes</source>
        <translation>Sonstige Änderungen</translation>
    </message>
    <message>
        <source>Tool versions differ (%1 → %2): a check that only one of them runs is listed as added or removed.</source>
        <translation>Die Programmversionen unterscheiden sich (%1 → %2): Eine Prüfung, die nur eine der beiden ausführt, erscheint als hinzugefügt oder entfernt.</translation>
    </message>
</context>
<context>
    <name>gjd::ReportModel</name>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Vorher → nachher</translation>
    </message>
</context>
<context>
    <name>gjd::ReportView</name>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Waiting for its probes…</source>
        <translation>Wartet auf ihre Messungen …</translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation>Noch nicht ausgeführt.</translation>
    </message>
    <message>
        <source>Select a check to see what was probed, why it matters and how to fix it.</source>
        <translation>Wählen Sie eine Prüfung, um zu sehen, was gemessen wurde, warum es wichtig ist und wie Sie es beheben.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Details of the selected check</source>
        <translation>Details der gewählten Prüfung</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>Messung</translation>
    </message>
    <message>
        <source>HTTP transcript of the selected probe</source>
        <translation>HTTP-Mitschnitt der gewählten Messung</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>T&amp;iming</source>
        <translation>Zeitab&amp;lauf</translation>
    </message>
    <message>
        <source>&amp;HTTP</source>
        <translation>&amp;HTTP</translation>
    </message>
    <message>
        <source>Which probe&apos;s HTTP exchange to show</source>
        <translation>Die HTTP-Kommunikation welcher Messung angezeigt wird</translation>
    </message>
    <message>
        <source>&amp;Problems only</source>
        <translation>Nur &amp;Probleme</translation>
    </message>
    <message>
        <source>List only the checks that fail, warn, could not run or need a manual check</source>
        <translation>Nur die Prüfungen zeigen, die fehlschlagen, warnen, nicht laufen konnten oder von Hand zu prüfen sind</translation>
    </message>
</context>
<context>
    <name>gjd::ResolveOverride</name>
    <message>
        <source>--resolve expects HOST:PORT:ADDRESS[,ADDRESS…], got &quot;%1&quot;.</source>
        <translation>--resolve erwartet HOST:PORT:ADRESSE[,ADRESSE…], erhalten: „%1“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address (or a comma-separated list of them).</source>
        <translation>„%1“ ist keine IP-Adresse (und keine durch Kommas getrennte Liste davon).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains no PEM certificate</source>
        <translation>„%1“ enthält kein PEM-Zertifikat</translation>
    </message>
</context>
<context>
    <name>gjd::SafeFile</name>
    <message>
        <source>%1 is a symbolic link in a world-writable folder and belongs to another user; it is not followed. Write to another path.</source>
        <translation>%1 ist ein symbolischer Link in einem für alle beschreibbaren Ordner und gehört einem anderen Benutzer; ihm wird nicht gefolgt. Schreiben Sie an einen anderen Pfad.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link to a file that does not exist; it is not followed.</source>
        <translation>%1 ist ein symbolischer Link auf eine Datei, die nicht existiert; ihm wird nicht gefolgt.</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB.</source>
        <translation>%1 ist größer als %2 MiB.</translation>
    </message>
    <message>
        <source>%1 is larger than %2 KiB.</source>
        <translation>%1 ist größer als %2 KiB.</translation>
    </message>
    <message>
        <source>Cannot write %1: the reader took nothing for 30 seconds.</source>
        <translation>%1 kann nicht geschrieben werden: Der Leser hat 30 Sekunden lang nichts abgenommen.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation>es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>Cannot write %1: no program is reading from it.</source>
        <translation>%1 kann nicht geschrieben werden: Kein Programm liest daraus.</translation>
    </message>
    <message>
        <source>Cannot write %1: it changed while it was opened.</source>
        <translation>%1 kann nicht geschrieben werden: Es hat sich beim Öffnen geändert.</translation>
    </message>
    <message>
        <source>the disk is full or the file too large</source>
        <translation>der Datenträger ist voll oder die Datei zu groß</translation>
    </message>
    <message>
        <source>The output path is empty.</source>
        <translation>Der Ausgabepfad ist leer.</translation>
    </message>
    <message>
        <source>Cannot write %1: the folder %2 does not exist.</source>
        <translation>%1 kann nicht geschrieben werden: Der Ordner %2 existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot write %1: the folder %2 is not writable.</source>
        <translation>%1 kann nicht geschrieben werden: Der Ordner %2 ist nicht beschreibbar.</translation>
    </message>
    <message>
        <source>%1 is a folder.</source>
        <translation>%1 ist ein Ordner.</translation>
    </message>
    <message>
        <source>%1 is a block device or a socket; only a file, a character device (such as /dev/null) or a FIFO can take a report.</source>
        <translation>%1 ist ein Blockgerät oder ein Socket; nur eine Datei, ein zeichenorientiertes Gerät (wie /dev/null) oder ein FIFO kann einen Bericht aufnehmen.</translation>
    </message>
    <message>
        <source>Cannot write %1: it changed while it was written.</source>
        <translation>%1 kann nicht geschrieben werden: Es hat sich beim Schreiben geändert.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device, a FIFO or a socket); only files are read.</source>
        <translation>%1 ist keine reguläre Datei (ein Gerät, ein FIFO oder ein Socket); gelesen werden nur Dateien.</translation>
    </message>
    <message>
        <source>Cannot write %1: only standard output (/dev/stdout) and standard error (/dev/stderr) are written by descriptor.</source>
        <translation>%1 kann nicht geschrieben werden: Über Deskriptoren werden nur die Standardausgabe (/dev/stdout) und die Standardfehlerausgabe (/dev/stderr) geschrieben.</translation>
    </message>
    <message>
        <source>Cannot write %1: it was closed when the program started.</source>
        <translation>%1 kann nicht geschrieben werden: Es war beim Programmstart geschlossen.</translation>
    </message>
</context>
<context>
    <name>gjd::SettingsReader</name>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>The application settings could not be read (%1).</source>
        <translation>Die Anwendungseinstellungen konnten nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source>Use an administrator&apos;s token with the api scope (and admin_mode under Admin Mode).</source>
        <translation>Verwenden Sie das Token eines Administrators mit dem Scope api (und admin_mode, wenn der Admin Mode aktiv ist).</translation>
    </message>
</context>
<context>
    <name>gjd::SetupJob</name>
    <message>
        <source>%1: no complete answer from GitLab (%2).</source>
        <translation>%1: keine vollständige Antwort von GitLab (%2).</translation>
    </message>
    <message>
        <source>Check that %1 reaches GitLab&apos;s API, then run the setup again: what was already done is found and reused.</source>
        <translation>Prüfen Sie, dass %1 die API von GitLab erreicht, und starten Sie die Einrichtung erneut: Was schon erledigt ist, wird gefunden und weiterverwendet.</translation>
    </message>
    <message>
        <source>GitLab rejected %1 (%2).</source>
        <translation>GitLab hat das %1 abgelehnt (%2).</translation>
    </message>
    <message>
        <source>GitLab rejected %1 (%2): %3</source>
        <translation>GitLab hat das %1 abgelehnt (%2): %3</translation>
    </message>
    <message>
        <source>Correct what GitLab names above (a URL GitLab blocks as local or private is refused), then run the setup again.</source>
        <translation>Korrigieren Sie, was GitLab oben nennt (eine URL, die GitLab als lokal oder privat sperrt, wird abgelehnt), und starten Sie die Einrichtung erneut.</translation>
    </message>
    <message>
        <source>GitLab refused the token while %1 (401 Unauthorized): it is wrong, expired or revoked.</source>
        <translation>GitLab hat das Token beim %1 abgelehnt (401 Unauthorized): Es ist falsch, abgelaufen oder widerrufen.</translation>
    </message>
    <message>
        <source>Create a personal access token of an administrator with the scope api (and admin_mode when Admin Mode is on) and run the setup again.</source>
        <translation>Erstellen Sie ein persönliches Zugriffstoken eines Administrators mit dem Bereich api (und admin_mode, wenn der Admin-Modus an ist), und starten Sie die Einrichtung erneut.</translation>
    </message>
    <message>
        <source>GitLab forbade %1 (403 Forbidden): the token&apos;s user is not an administrator, or Admin Mode is on and the token lacks the admin_mode scope.</source>
        <translation>GitLab hat das %1 verweigert (403 Forbidden): Der Benutzer des Tokens ist kein Administrator, oder der Admin-Modus ist an und dem Token fehlt der Bereich admin_mode.</translation>
    </message>
    <message>
        <source>Use an administrator&apos;s token with the scopes api and admin_mode.</source>
        <translation>Verwenden Sie das Token eines Administrators mit den Bereichen api und admin_mode.</translation>
    </message>
    <message>
        <source>GitLab answered %1 to %2: this version lacks the API it needs.</source>
        <translation>GitLab hat beim %2 mit %1 geantwortet: Dieser Version fehlt die nötige API.</translation>
    </message>
    <message>
        <source>Upgrade GitLab, or make the change by hand in the Admin area.</source>
        <translation>Aktualisieren Sie GitLab, oder nehmen Sie die Änderung von Hand im Admin-Bereich vor.</translation>
    </message>
    <message>
        <source>GitLab failed while %1 (%2).</source>
        <translation>GitLab ist beim %1 gescheitert (%2).</translation>
    </message>
    <message>
        <source>GitLab failed while %1 (%2): %3</source>
        <translation>GitLab ist beim %1 gescheitert (%2): %3</translation>
    </message>
    <message>
        <source>GitLab&apos;s logs (production_json.log, exceptions_json.log) say why. Run the setup again when it is fixed: what was already done is found and reused.</source>
        <translation>Die Protokolle von GitLab (production_json.log, exceptions_json.log) nennen den Grund. Starten Sie die Einrichtung erneut, wenn es behoben ist: Was schon erledigt ist, wird gefunden und weiterverwendet.</translation>
    </message>
    <message>
        <source>GitLab answered %1 while %2.</source>
        <translation>GitLab hat beim %2 mit %1 geantwortet.</translation>
    </message>
    <message>
        <source>Run the setup again; if it persists, make the change by hand in the Admin area.</source>
        <translation>Starten Sie die Einrichtung erneut; bleibt es so, nehmen Sie die Änderung von Hand im Admin-Bereich vor.</translation>
    </message>
    <message>
        <source>The OAuth application &quot;%1&quot; that %2 points at is misconfigured: %3.</source>
        <translation>Die OAuth-Anwendung „%1“, auf die %2 zeigt, ist falsch eingerichtet: %3.</translation>
    </message>
    <message>
        <source>Nothing was changed. Fix the application at %1 (clear Confidential and Trusted, redirect URI %2, scope api only), or delete it there, or let the setup delete and recreate it (--replace-misconfigured).</source>
        <translation>Nichts wurde geändert. Korrigieren Sie die Anwendung unter %1 (Vertraulich und Vertrauenswürdig abwählen, Redirect-URI %2, nur Bereich api), löschen Sie sie dort, oder lassen Sie die Einrichtung sie löschen und neu anlegen (--replace-misconfigured).</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Delete the misconfigured OAuth application &quot;%1&quot; (id %2)</source>
        <translation>Die falsch eingerichtete OAuth-Anwendung „%1“ (ID %2) löschen</translation>
    </message>
    <message>
        <source>deleting the application &quot;%1&quot;</source>
        <translation>Löschen der Anwendung „%1“</translation>
    </message>
    <message>
        <source>Create the OAuth application &quot;%1&quot;</source>
        <translation>Die OAuth-Anwendung „%1“ anlegen</translation>
    </message>
    <message>
        <source>The request to create the application was not sent.</source>
        <translation>Die Anfrage zum Anlegen der Anwendung wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>Created the OAuth application &quot;%1&quot; (id %2, Application ID %3)</source>
        <translation>OAuth-Anwendung „%1“ angelegt (ID %2, Application ID %3)</translation>
    </message>
    <message>
        <source>creating the OAuth application</source>
        <translation>Anlegen der OAuth-Anwendung</translation>
    </message>
    <message>
        <source>GitLab may have created the application anyway; running the setup again reuses it instead of creating another.</source>
        <translation>GitLab hat die Anwendung womöglich trotzdem angelegt; eine erneute Einrichtung verwendet sie weiter, statt eine zweite anzulegen.</translation>
    </message>
    <message>
        <source>GitLab answered %1 but named no Application ID.</source>
        <translation>GitLab hat mit %1 geantwortet, aber keine Application ID genannt.</translation>
    </message>
    <message>
        <source>Update the settings: %1</source>
        <translation>Die Einstellungen ändern: %1</translation>
    </message>
    <message>
        <source>updating the application settings</source>
        <translation>Ändern der Anwendungseinstellungen</translation>
    </message>
    <message>
        <source>The settings could not be read back: %1</source>
        <translation>Die Einstellungen ließen sich nicht zurücklesen: %1</translation>
    </message>
    <message>
        <source>GitLab reads back other values than the setup wrote.</source>
        <translation>GitLab liest andere Werte zurück, als die Einrichtung geschrieben hat.</translation>
    </message>
    <message>
        <source>Another admin or an automation may have changed them at the same time; run the setup again, and check Admin → Settings → General → GitLab for Jira App.</source>
        <translation>Ein anderer Administrator oder eine Automatisierung hat sie womöglich gleichzeitig geändert; starten Sie die Einrichtung erneut und prüfen Sie Admin → Einstellungen → Allgemein → GitLab for Jira App.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Already done: %1.</source>
        <translation>Schon erledigt: %1.</translation>
    </message>
    <message>
        <source>Delete the legacy OAuth application &quot;%1&quot; (id %2)</source>
        <translation>Die alte OAuth-Anwendung „%1“ (ID %2) löschen</translation>
    </message>
</context>
<context>
    <name>gjd::SetupPlan</name>
    <message>
        <source>it is confidential (the Jira app signs in with PKCE, without a secret)</source>
        <translation>sie ist vertraulich (die Jira-App meldet sich mit PKCE an, ohne Secret)</translation>
    </message>
    <message>
        <source>its redirect URI is &quot;%1&quot;, not %2</source>
        <translation>ihre Redirect-URI ist „%1“, nicht %2</translation>
    </message>
    <message>
        <source>its scopes are &quot;%1&quot;, not exactly api</source>
        <translation>ihre Bereiche sind „%1“, nicht genau api</translation>
    </message>
    <message>
        <source>No administrator token: the setup reads and writes GitLab&apos;s settings with one.</source>
        <translation>Kein Administrator-Token: Die Einrichtung liest und schreibt die Einstellungen von GitLab damit.</translation>
    </message>
    <message>
        <source>%1 gave no complete answer: %2</source>
        <translation>%1 hat keine vollständige Antwort geliefert: %2</translation>
    </message>
    <message>
        <source>Check that the instance URL reaches GitLab&apos;s API from this computer.</source>
        <translation>Prüfen Sie, ob die Instanz-URL von diesem Computer aus die GitLab-API erreicht.</translation>
    </message>
    <message>
        <source>GitLab refused the token (401 Unauthorized): it is wrong, expired or revoked.</source>
        <translation>GitLab hat das Token abgelehnt (401 Unauthorized): Es ist falsch, abgelaufen oder widerrufen.</translation>
    </message>
    <message>
        <source>%1 answered %2, not the user as JSON.</source>
        <translation>%1 hat mit %2 geantwortet, nicht mit dem Benutzer als JSON.</translation>
    </message>
    <message>
        <source>Check that the URL is the GitLab instance itself (with its relative root, if any).</source>
        <translation>Prüfen Sie, dass die URL die GitLab-Instanz selbst ist (mit ihrem relativen Pfad, falls vorhanden).</translation>
    </message>
    <message>
        <source>The application settings could not be read: %1.</source>
        <translation>Die Anwendungseinstellungen ließen sich nicht lesen: %1.</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Check the token (administrator, scope api; admin_mode under Admin Mode) and GitLab&apos;s logs (production_json.log).</source>
        <translation>Prüfen Sie das Token (Administrator, Bereich api; admin_mode im Admin-Modus) und die Protokolle von GitLab (production_json.log).</translation>
    </message>
    <message>
        <source>The OAuth applications could not be read: no answer.</source>
        <translation>Die OAuth-Anwendungen ließen sich nicht lesen: keine Antwort.</translation>
    </message>
    <message>
        <source>The OAuth applications could not be read: %1.</source>
        <translation>Die OAuth-Anwendungen ließen sich nicht lesen: %1.</translation>
    </message>
    <message>
        <source>The token of %1 is not treated as an administrator&apos;s: either %1 is no administrator, or Admin Mode is on and the token lacks the admin_mode scope. Create a token with the scopes api and admin_mode.</source>
        <translation>Das Token von %1 gilt nicht als das eines Administrators: Entweder ist %1 kein Administrator, oder der Admin-Modus ist an und dem Token fehlt der Bereich admin_mode. Erstellen Sie ein Token mit den Bereichen api und admin_mode.</translation>
    </message>
    <message>
        <source>%1 is not an administrator: only an administrator can create OAuth applications and change the application settings.</source>
        <translation>%1 ist kein Administrator: Nur ein Administrator kann OAuth-Anwendungen anlegen und die Anwendungseinstellungen ändern.</translation>
    </message>
    <message>
        <source>The token has the scopes %1 but not api, which writing settings needs.</source>
        <translation>Das Token hat die Bereiche %1, aber nicht api, das zum Schreiben der Einstellungen nötig ist.</translation>
    </message>
    <message>
        <source>GitLab %1 is older than 15.7, the first version the GitLab for Jira Cloud app supports with OAuth. Upgrade GitLab first.</source>
        <translation>GitLab %1 ist älter als 15.7, die erste Version, die die GitLab-for-Jira-Cloud-App mit OAuth unterstützt. Aktualisieren Sie zuerst GitLab.</translation>
    </message>
    <message>
        <source>This GitLab has no setting %1 (it arrived with OAuth for the Jira app in 15.7). Upgrade GitLab first.</source>
        <translation>Dieses GitLab hat keine Einstellung %1 (sie kam mit OAuth für die Jira-App in 15.7). Aktualisieren Sie zuerst GitLab.</translation>
    </message>
    <message>
        <source>This GitLab does not list the scopes of applications: make sure &quot;%1&quot; has only the scope api (%2).</source>
        <translation>Dieses GitLab zeigt die Bereiche von Anwendungen nicht an: Stellen Sie sicher, dass „%1“ nur den Bereich api hat (%2).</translation>
    </message>
    <message>
        <source>The application &quot;%1&quot; (id %2) also points at a Jira callback and stays as it is; delete it at %3 if nothing uses it.</source>
        <translation>Die Anwendung „%1“ (ID %2) zeigt ebenfalls auf einen Jira-Callback und bleibt, wie sie ist; löschen Sie sie unter %3, wenn nichts sie verwendet.</translation>
    </message>
    <message>
        <source>the Application ID of &quot;%1&quot;</source>
        <translation>die Application ID von „%1“</translation>
    </message>
    <message>
        <source>the Application ID of the new application</source>
        <translation>die Application ID der neuen Anwendung</translation>
    </message>
    <message>
        <source>GitLab.com relays for the Marketplace app; exactly this, without a trailing slash</source>
        <translation>GitLab.com vermittelt für die Marketplace-App; genau so, ohne abschließenden Schrägstrich</translation>
    </message>
    <message>
        <source>blank: Jira calls this instance directly</source>
        <translation>leer: Jira ruft diese Instanz direkt auf</translation>
    </message>
    <message>
        <source>on: other instances verify Jira&apos;s tokens through this one</source>
        <translation>an: Andere Instanzen prüfen die Tokens von Jira über diese</translation>
    </message>
    <message>
        <source>off: only an instance that relays for others needs it</source>
        <translation>aus: Nur eine Instanz, die für andere vermittelt, braucht es</translation>
    </message>
    <message>
        <source>This GitLab has no setting %1 (it arrived in 15.9). Upgrade GitLab first.</source>
        <translation>Dieses GitLab hat keine Einstellung %1 (sie kam in 15.9). Aktualisieren Sie zuerst GitLab.</translation>
    </message>
    <message>
        <source>Jira reaches GitLab as %1, but its external_url host is %2</source>
        <translation>Jira erreicht GitLab als %1, aber der Host seiner external_url ist %2</translation>
    </message>
    <message>
        <source>Jira reaches GitLab as %1 but GitLab&apos;s external_url host is %2: Jira&apos;s tokens will be rejected with &quot;Invalid audience&quot; unless GitLab is 17.7 or later, where the public URL can be set as the additional audience URL.</source>
        <translation>Jira erreicht GitLab als %1, aber der Host der external_url von GitLab ist %2: Die Tokens von Jira werden mit „Invalid audience“ abgelehnt, außer GitLab ist 17.7 oder neuer, wo sich die öffentliche URL als zusätzliche Audience-URL setzen lässt.</translation>
    </message>
    <message>
        <source>%1 is %2.</source>
        <translation>%1 ist %2.</translation>
    </message>
    <message>
        <source>%1 reads back as %2, not as planned.</source>
        <translation>%1 liest sich als %2 zurück, nicht wie geplant.</translation>
    </message>
    <message>
        <source>No OAuth application with the Application ID %1 exists.</source>
        <translation>Es gibt keine OAuth-Anwendung mit der Application ID %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (id %2): not confidential, redirect URI %3.</source>
        <translation>„%1“ (ID %2): nicht vertraulich, Redirect-URI %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2.</source>
        <translation>„%1“: %2.</translation>
    </message>
    <message>
        <source>kept: the application it points at needs fixing first</source>
        <translation>bleibt: Die Anwendung, auf die er zeigt, muss zuerst korrigiert werden</translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>A new %1 install cannot be made: %2 Use the Marketplace method.</source>
        <translation>Eine neue Installation mit der Methode %1 ist nicht möglich: %2 Verwenden Sie die Marketplace-Methode.</translation>
    </message>
    <message>
        <source>The %1 method relies on Atlassian Connect. %2 Move to the Marketplace method (--method marketplace).</source>
        <translation>Die Methode %1 hängt von Atlassian Connect ab. %2 Wechseln Sie zur Marketplace-Methode (--method marketplace).</translation>
    </message>
    <message>
        <source>kept on until the instances that use this one as their proxy have moved</source>
        <translation>bleibt an, bis die Instanzen, die diese als Proxy nutzen, umgezogen sind</translation>
    </message>
    <message>
        <source>The legacy application &quot;%1&quot; (id %2) is deleted.</source>
        <translation>Die alte Anwendung „%1“ (ID %2) ist gelöscht.</translation>
    </message>
    <message>
        <source>The legacy application &quot;%1&quot; (id %2) still exists.</source>
        <translation>Die alte Anwendung „%1“ (ID %2) existiert noch.</translation>
    </message>
    <message>
        <source>The legacy app&apos;s OAuth application &quot;%1&quot; (id %2) stays as it is; delete it at %3 once Jira uses the Marketplace app.</source>
        <translation>Die OAuth-Anwendung „%1“ (ID %2) der alten App bleibt, wie sie ist; löschen Sie sie unter %3, sobald Jira die Marketplace-App nutzt.</translation>
    </message>
    <message>
        <source>This instance has a legacy Connect install: %1. The plan moves it to the Marketplace app.</source>
        <translation>Diese Instanz hat eine alte Connect-Installation: %1. Der Plan zieht sie zur Marketplace-App um.</translation>
    </message>
    <message>
        <source>Other instances use this one as their Jira Connect proxy (public key storage is on): every instance whose Jira Connect Proxy URL points at %1 must move to the Marketplace app too: they lose their Jira connection once the private app is uninstalled. Public key storage stays on; turn it off once none of them points here.</source>
        <translation>Andere Instanzen nutzen diese als ihren Jira-Connect-Proxy (die Speicherung öffentlicher Schlüssel ist an): Jede Instanz, deren Jira Connect Proxy URL auf %1 zeigt, muss ebenfalls zur Marketplace-App wechseln; sie verliert ihre Verbindung zu Jira, sobald die private App deinstalliert ist. Die Speicherung öffentlicher Schlüssel bleibt an; schalten Sie sie aus, sobald keine Instanz mehr hierher zeigt.</translation>
    </message>
    <message>
        <source>Create a personal access token of an administrator with the scope api (and admin_mode when Admin Mode is on): %1/-/user_settings/personal_access_tokens, and give it in %2.</source>
        <translation>Erstellen Sie ein persönliches Zugriffstoken eines Administrators mit dem Bereich api (und admin_mode, wenn der Admin-Modus an ist): %1/-/user_settings/personal_access_tokens, und geben Sie es in %2 an.</translation>
    </message>
    <message>
        <source>The token is only sent to a server whose certificate verifies from this computer: fix the certificate, or give the private CA in %1.</source>
        <translation>Das Token wird nur an einen Server gesendet, dessen Zertifikat sich von diesem Computer aus prüfen lässt: Korrigieren Sie das Zertifikat, oder geben Sie die private CA in %1 an.</translation>
    </message>
</context>
<context>
    <name>gjd::SetupText</name>
    <message>
        <source>(not in this GitLab)</source>
        <translation>(nicht in diesem GitLab)</translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Setup plan for %1 (method %2)</source>
        <translation>Einrichtungsplan für %1 (Methode %2)</translation>
    </message>
    <message>
        <source>Jira Cloud and GitLab.com reach it as %1.</source>
        <translation>Jira Cloud und GitLab.com erreichen sie als %1.</translation>
    </message>
    <message>
        <source>OAuth application</source>
        <translation>OAuth-Anwendung</translation>
    </message>
    <message>
        <source>delete &quot;%1&quot; (id %2): %3</source>
        <translation>„%1“ (ID %2) löschen: %3</translation>
    </message>
    <message>
        <source>reuse &quot;%1&quot; (id %2, Application ID %3): it is set up right</source>
        <translation>„%1“ (ID %2, Application ID %3) weiterverwenden: Sie ist richtig eingerichtet</translation>
    </message>
    <message>
        <source>create &quot;%1&quot;</source>
        <translation>„%1“ anlegen</translation>
    </message>
    <message>
        <source>redirect URI   %1</source>
        <translation>Redirect-URI     %1</translation>
    </message>
    <message>
        <source>scopes         %1</source>
        <translation>Bereiche         %1</translation>
    </message>
    <message>
        <source>confidential   no (trusted: no, GitLab&apos;s API cannot set it)</source>
        <translation>vertraulich      nein (trusted: nein, die API von GitLab kann es nicht setzen)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (id %2), which the Application ID setting points at, is misconfigured: %3</source>
        <translation>„%1“ (ID %2), auf die die Einstellung Application ID zeigt, ist falsch eingerichtet: %3</translation>
    </message>
    <message>
        <source>It is left as it is. Fix or delete it in Admin → Applications, or run again with --replace-misconfigured to delete and recreate it.</source>
        <translation>Sie bleibt, wie sie ist. Korrigieren oder löschen Sie sie unter Admin → Anwendungen, oder starten Sie erneut mit --replace-misconfigured, um sie zu löschen und neu anzulegen.</translation>
    </message>
    <message>
        <source>GitLab for Jira App settings</source>
        <translation>Einstellungen „GitLab for Jira App“</translation>
    </message>
    <message>
        <source>(Application ID of the new application)</source>
        <translation>(Application ID der neuen Anwendung)</translation>
    </message>
    <message>
        <source>This plan cannot be applied; nothing will be changed.</source>
        <translation>Dieser Plan lässt sich nicht anwenden; nichts wird geändert.</translation>
    </message>
    <message>
        <source>Nothing to change: GitLab is already set up for the %1 method.</source>
        <translation>Nichts zu ändern: GitLab ist schon für die Methode %1 eingerichtet.</translation>
    </message>
    <message>
        <source>Read back from GitLab</source>
        <translation>Von GitLab zurückgelesen</translation>
    </message>
    <message>
        <source>GitLab is set up for the %1 method and verified.</source>
        <translation>GitLab ist für die Methode %1 eingerichtet und bestätigt.</translation>
    </message>
    <message>
        <source>Next: in Jira, install &quot;GitLab for Jira Cloud&quot; from the Atlassian Marketplace, open Get started → Change GitLab version → GitLab self-managed, and enter %1.</source>
        <translation>Als Nächstes: Installieren Sie in Jira „GitLab for Jira Cloud“ aus dem Atlassian Marketplace, öffnen Sie Get started → Change GitLab version → GitLab self-managed und geben Sie %1 ein.</translation>
    </message>
    <message>
        <source>Then check everything Jira needs: gitlab-jira-doctor-cli check %1</source>
        <translation>Dann alles prüfen, was Jira braucht: gitlab-jira-doctor-cli check %1</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>Was zu tun ist: %1</translation>
    </message>
    <message>
        <source>Not finished.</source>
        <translation>Nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Already done: %1.</source>
        <translation>Schon erledigt: %1.</translation>
    </message>
    <message>
        <source>GitLab confirmed no change.</source>
        <translation>GitLab hat keine Änderung bestätigt.</translation>
    </message>
    <message>
        <source>delete the legacy application &quot;%1&quot; (id %2) once the settings point at the new one</source>
        <translation>die alte Anwendung „%1“ (ID %2) löschen, sobald die Einstellungen auf die neue zeigen</translation>
    </message>
    <message>
        <source>Moving the legacy install to the Marketplace app</source>
        <translation>Umzug der alten Installation zur Marketplace-App</translation>
    </message>
    <message>
        <source>In GitLab (the plan above): the Jira Connect Proxy URL becomes https://gitlab.com; the OAuth application gets GitLab.com&apos;s callback; public key storage is off unless other instances use this one as their proxy.</source>
        <translation>In GitLab (der Plan oben): Die Jira Connect Proxy URL wird https://gitlab.com; die OAuth-Anwendung bekommt den Callback von GitLab.com; die Speicherung öffentlicher Schlüssel ist aus, außer andere Instanzen nutzen diese als Proxy.</translation>
    </message>
    <message>
        <source>The legacy application &quot;%1&quot; is deleted after the settings switch, as you asked.</source>
        <translation>Die alte Anwendung „%1“ wird nach dem Umstellen der Einstellungen gelöscht, wie gewünscht.</translation>
    </message>
    <message>
        <source>The legacy application &quot;%1&quot; stays; --remove-old-application deletes it.</source>
        <translation>Die alte Anwendung „%1“ bleibt; --remove-old-application löscht sie.</translation>
    </message>
    <message>
        <source>Then in Jira</source>
        <translation>Dann in Jira</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Nicht bekannt</translation>
    </message>
    <message>
        <source>Next: the private app&apos;s descriptor is %1/-/jira_connect/app_descriptor.json. Plan the move to the Marketplace app: gitlab-jira-doctor-cli configure %2 --method marketplace.</source>
        <translation>Als Nächstes: Der Deskriptor der privaten App ist %1/-/jira_connect/app_descriptor.json. Planen Sie den Umzug zur Marketplace-App: gitlab-jira-doctor-cli configure %2 --method marketplace.</translation>
    </message>
    <message>
        <source>no Jira app set up</source>
        <translation>keine Jira-App eingerichtet</translation>
    </message>
    <message>
        <source>the Marketplace app</source>
        <translation>die Marketplace-App</translation>
    </message>
    <message>
        <source>a legacy Connect install</source>
        <translation>eine alte Connect-Installation</translation>
    </message>
    <message>
        <source>the Forge app</source>
        <translation>die Forge-App</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>install type name, then its id</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>a manual install</source>
        <translation>eine manuelle Installation</translation>
    </message>
    <message>
        <source>another instance as proxy</source>
        <translation>eine andere Instanz als Proxy</translation>
    </message>
</context>
<context>
    <name>gjd::SetupWizard</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <source>Set up the GitLab for Jira Cloud app</source>
        <translation>Die GitLab-for-Jira-Cloud-App einrichten</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Fertigstellen</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>gjd::TcpConnectCheck</name>
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
    <message>
        <source>Connected to %1 port %2 through the proxy %3 (a CONNECT tunnel, TLS end to end).</source>
        <translation>Verbunden mit %1 Port %2 über den Proxy %3 (ein CONNECT-Tunnel, TLS durchgehend).</translation>
    </message>
    <message>
        <source>This shows that the instance is reachable from this computer&apos;s network through its proxy; Jira Cloud and GitLab.com connect from the internet, directly.</source>
        <translation>Das zeigt, dass die Instanz aus dem Netz dieses Computers über dessen Proxy erreichbar ist; Jira Cloud und GitLab.com verbinden sich direkt aus dem Internet.</translation>
    </message>
    <message>
        <source>Give the proxy&apos;s user name and password in the proxy URL (http://user:password@host:port, in %1).</source>
        <translation>Geben Sie Benutzername und Passwort des Proxys in der Proxy-URL an (http://Benutzer:Passwort@Host:Port, in %1).</translation>
    </message>
    <message>
        <source>Ask the proxy&apos;s administrators to allow CONNECT to %1 port %2, or, if this computer can reach the instance directly, add %1 to the hosts reached without the proxy (%3).</source>
        <translation>Bitten Sie die Administratoren des Proxys, CONNECT zu %1 Port %2 zu erlauben, oder – wenn dieser Computer die Instanz direkt erreicht – nehmen Sie %1 in die Hosts ohne Proxy auf (%3).</translation>
    </message>
    <message>
        <source>Check the proxy (%1, from %2), and that it can reach %3 port %4.</source>
        <translation>Prüfen Sie den Proxy (%1, aus %2) und ob er %3 Port %4 erreicht.</translation>
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
    <message numerus="yes">
        <source>Connecting to %n address(es) of %1 on port %2…</source>
        <translation>
            <numerusform>Verbindung zu %n Adresse von %1 auf Port %2…</numerusform>
            <numerusform>Verbindung zu %n Adressen von %1 auf Port %2…</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening a tunnel to %1 port %2 through the proxy %3…</source>
        <translation>Öffne einen Tunnel zu %1 Port %2 über den Proxy %3…</translation>
    </message>
    <message>
        <source>The proxy %1 (tunnel to %2)</source>
        <translation>Der Proxy %1 (Tunnel zu %2)</translation>
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
    <message>
        <source>%1: %2</source>
        <comment>status: count</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the settings</source>
        <translation>den Einstellungen</translation>
    </message>
    <message>
        <source>the descriptor key</source>
        <translation>dem Schlüssel im Deskriptor</translation>
    </message>
    <message>
        <source>the descriptor key and the public endpoints</source>
        <translation>dem Schlüssel im Deskriptor und den öffentlichen Endpunkten</translation>
    </message>
    <message>
        <source>Install type: %1 (decided from %2)</source>
        <translation>Art der Installation: %1 (bestimmt aus %2)</translation>
    </message>
    <message>
        <source>Refused by GitLab.com (the Marketplace app) and Jira Cloud (legacy Connect installs).</source>
        <translation>Abgelehnt von GitLab.com (die Marketplace-App) und Jira Cloud (alte Connect-Installationen).</translation>
    </message>
    <message>
        <source>Refused by GitLab.com (the Marketplace app depends on it); Jira Cloud accepts it.</source>
        <translation>Abgelehnt von GitLab.com (davon hängt die Marketplace-App ab); Jira Cloud akzeptiert es.</translation>
    </message>
    <message>
        <source>Refused by GitLab.com (the Marketplace app depends on it).</source>
        <translation>Abgelehnt von GitLab.com (davon hängt die Marketplace-App ab).</translation>
    </message>
    <message>
        <source>Refused by Jira Cloud (legacy Connect installs depend on it); GitLab.com accepts it.</source>
        <translation>Abgelehnt von Jira Cloud (davon hängen alte Connect-Installationen ab); GitLab.com akzeptiert es.</translation>
    </message>
    <message>
        <source>Refused by Jira Cloud (legacy Connect installs depend on it).</source>
        <translation>Abgelehnt von Jira Cloud (davon hängen alte Connect-Installationen ab).</translation>
    </message>
</context>
<context>
    <name>gjd::TlsChainAnchorCheck</name>
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
    <message>
        <source>The server sends %1, which the trust store already holds: harmless, but unnecessary.</source>
        <translation>Der Server sendet %1 mit, das der Vertrauensspeicher bereits enthält: harmlos, aber unnötig.</translation>
    </message>
</context>
<context>
    <name>gjd::TlsChainCompleteCheck</name>
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
    <message>
        <source>The chain is longer than 16 certificates without reaching a trusted root (last: %1).</source>
        <translation>Die Kette ist länger als 16 Zertifikate, ohne ein vertrauenswürdiges Stammzertifikat zu erreichen (letztes: %1).</translation>
    </message>
    <message>
        <source>The chain is incomplete: %1 was issued by %2, which the server does not send (only your %3 has it, and GitLab.com&apos;s and Atlassian&apos;s clients do not).</source>
        <translation>Die Kette ist unvollständig: %1 wurde von %2 ausgestellt, das der Server nicht sendet (nur in %3 ist es enthalten, und die Clients von GitLab.com und Atlassian haben es nicht).</translation>
    </message>
</context>
<context>
    <name>gjd::TlsChainExtraCheck</name>
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
    <message>
        <source>%1, issued by %2</source>
        <translation>%1, ausgestellt von %2</translation>
    </message>
    <message numerus="yes">
        <source>The server sends %n certificate(s); only the first %1 were analysed.</source>
        <translation>
            <numerusform>Der Server sendet %n Zertifikat; nur die ersten %1 wurden analysiert.</numerusform>
            <numerusform>Der Server sendet %n Zertifikate; nur die ersten %1 wurden analysiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Serve only the leaf and its intermediates (nginx ssl_certificate, Omnibus nginx[&apos;ssl_certificate&apos;]): a chain has two to five certificates.</source>
        <translation>Senden Sie nur das Serverzertifikat und seine Zwischenzertifikate (nginx ssl_certificate, Omnibus nginx[&apos;ssl_certificate&apos;]): Eine Kette hat zwei bis fünf Zertifikate.</translation>
    </message>
    <message>
        <source>The first certificate served, %1, is a CA certificate; the server&apos;s own certificate %2 (issued by it) is served after it.</source>
        <translation>Das erste gesendete Zertifikat, %1, ist ein CA-Zertifikat; das eigene Zertifikat des Servers, %2 (von ihm ausgestellt), wird danach gesendet.</translation>
    </message>
    <message>
        <source>Put the leaf first, with its key: nginx ssl_certificate starts with the server&apos;s own certificate, then its intermediates, and ssl_certificate_key is the leaf&apos;s key (Omnibus nginx[&apos;ssl_certificate&apos;] and nginx[&apos;ssl_certificate_key&apos;]).</source>
        <translation>Stellen Sie das Serverzertifikat an den Anfang, mit seinem Schlüssel: nginx ssl_certificate beginnt mit dem eigenen Zertifikat des Servers, dann folgen die Zwischenzertifikate, und ssl_certificate_key ist dessen Schlüssel (Omnibus nginx[&apos;ssl_certificate&apos;] und nginx[&apos;ssl_certificate_key&apos;]).</translation>
    </message>
</context>
<context>
    <name>gjd::TlsChainOrderCheck</name>
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
    <name>gjd::TlsClientCertificateCheck</name>
    <message>
        <source>Skipped: tls.handshake failed.</source>
        <translation>Übersprungen: tls.handshake ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The server does not ask for a client certificate.</source>
        <translation>Der Server verlangt kein Client-Zertifikat.</translation>
    </message>
    <message>
        <source>The server requires a client certificate (%1). GitLab.com and Jira Cloud present none, so every request they make fails.</source>
        <translation>Der Server verlangt ein Client-Zertifikat (%1). GitLab.com und Jira Cloud legen keines vor, daher scheitert jede ihrer Anfragen.</translation>
    </message>
    <message>
        <source>Do not require client certificates on the public GitLab site: nginx &quot;ssl_verify_client off;&quot; (or &quot;optional&quot;, with no location that needs one for GitLab.com or Jira).</source>
        <translation>Verlangen Sie auf der öffentlichen GitLab-Site keine Client-Zertifikate: nginx &quot;ssl_verify_client off;&quot; (oder &quot;optional&quot;, ohne eine Location, die für GitLab.com oder Jira eines braucht).</translation>
    </message>
</context>
<context>
    <name>gjd::TlsCryptoCheck</name>
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
        <source>Have the CA reissue the certificate with a SHA-256 (or stronger) signature; public CAs have not issued SHA-1 certificates since 2016.</source>
        <translation>Lassen Sie das Zertifikat von der CA mit einer SHA-256-Signatur (oder stärker) neu ausstellen; öffentliche CAs stellen seit 2016 keine SHA-1-Zertifikate mehr aus.</translation>
    </message>
    <message>
        <source>Reissue the certificate with a new key: RSA of at least 2048 bits or EC P-256.</source>
        <translation>Stellen Sie das Zertifikat mit einem neuen Schlüssel neu aus: RSA mit mindestens 2048 Bit oder EC P-256.</translation>
    </message>
</context>
<context>
    <name>gjd::TlsHandshakeCheck</name>
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
    <message>
        <source>A firewall drops connections to port %1: allow inbound TCP %1 from the internet.</source>
        <translation>Eine Firewall verwirft Verbindungen zu Port %1: Erlauben Sie eingehendes TCP %1 aus dem Internet.</translation>
    </message>
    <message>
        <source>Do not require client certificates for the GitLab site (nginx: ssl_verify_client off).</source>
        <translation>Verlangen Sie für die GitLab-Site keine Client-Zertifikate (nginx: ssl_verify_client off).</translation>
    </message>
    <message>
        <source>Allow current cipher suites and signature algorithms (GitLab&apos;s reverse-proxy example lists them) and do not require client certificates (nginx: ssl_verify_client off).</source>
        <translation>Erlauben Sie aktuelle Cipher-Suites und Signaturalgorithmen (GitLabs Reverse-Proxy-Beispiel listet sie auf), und verlangen Sie keine Client-Zertifikate (nginx: ssl_verify_client off).</translation>
    </message>
    <message>
        <source>Serve only the leaf and its intermediates (nginx ssl_certificate): a bundle of every CA certificate is not a chain. If the leaf itself is that large (thousands of names), split the names over several certificates.</source>
        <translation>Senden Sie nur das Serverzertifikat und seine Zwischenzertifikate (nginx ssl_certificate): Ein Bündel aller CA-Zertifikate ist keine Kette. Ist das Serverzertifikat selbst so groß (Tausende Namen), verteilen Sie die Namen auf mehrere Zertifikate.</translation>
    </message>
    <message>
        <source>A direct handshake saw the same certificate: the proxy %1 passes TLS through unchanged.</source>
        <translation>Ein direkter Handshake hat dasselbe Zertifikat gesehen: Der Proxy %1 reicht TLS unverändert durch.</translation>
    </message>
    <message>
        <source>Seen only through the proxy %1 (no direct handshake: %2). If the proxy inspects TLS, the certificates judged here are the proxy&apos;s, not the server&apos;s; the leaf&apos;s issuer is %3.</source>
        <translation>Nur über den Proxy %1 gesehen (kein direkter Handshake: %2). Bricht der Proxy TLS auf, sind die hier beurteilten Zertifikate die des Proxys, nicht die des Servers; Aussteller des Serverzertifikats ist %3.</translation>
    </message>
    <message>
        <source>The proxy %1 inspects TLS: through it, %2 presents a certificate issued by %3. The TLS checks judge the chain the server sent directly; the HTTP checks went through the proxy, which may have changed the answers.</source>
        <translation>Der Proxy %1 bricht TLS auf: Über ihn legt %2 ein von %3 ausgestelltes Zertifikat vor. Die TLS-Prüfungen beurteilen die Kette, die der Server direkt gesendet hat; die HTTP-Prüfungen liefen über den Proxy, der die Antworten verändert haben kann.</translation>
    </message>
    <message>
        <source>Exempt %1 from TLS inspection on the proxy, or, where the instance is reached without the proxy, add %1 to %2.</source>
        <translation>Nehmen Sie %1 am Proxy von der TLS-Inspektion aus, oder – wo die Instanz ohne den Proxy erreichbar ist – nehmen Sie %1 in die Hosts ohne Proxy auf (%2).</translation>
    </message>
    <message>
        <source>Directly, the server sent %1 with %2 and %3.</source>
        <translation>Direkt hat der Server %1 mit %2 und %3 gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>%1 with %2, %n certificate(s) served, in %3 ms.</source>
        <translation>
            <numerusform>%1 mit %2, %n Zertifikat gesendet, in %3 ms.</numerusform>
            <numerusform>%1 mit %2, %n Zertifikate gesendet, in %3 ms.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::TlsHandshakeSizeCheck</name>
    <message>
        <source>The server&apos;s certificate message is larger than about 100 KiB, more than OpenSSL clients (GitLab.com) and Java (Jira Cloud) accept.</source>
        <translation>Die Zertifikatsnachricht des Servers ist größer als etwa 100 KiB, mehr als OpenSSL-Clients (GitLab.com) und Java (Jira Cloud) annehmen.</translation>
    </message>
    <message>
        <source>Serve only the leaf and its intermediates (nginx ssl_certificate), and a leaf with a reasonable number of names: a certificate with thousands of subject alternative names, or a bundle of every CA certificate, is too large.</source>
        <translation>Senden Sie nur das Serverzertifikat und seine Zwischenzertifikate (nginx ssl_certificate), und ein Serverzertifikat mit einer vernünftigen Zahl von Namen: Ein Zertifikat mit Tausenden alternativer Namen oder ein Bündel aller CA-Zertifikate ist zu groß.</translation>
    </message>
    <message>
        <source>Skipped: tls.handshake failed.</source>
        <translation>Übersprungen: tls.handshake ist fehlgeschlagen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 bytes for %n certificate(s).</source>
        <translation>
            <numerusform>%1 Byte für %n Zertifikat.</numerusform>
            <numerusform>%1 Byte für %n Zertifikate.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 alone takes %2 bytes (thousands of names?)</source>
        <translation>%1 allein belegt %2 Byte (Tausende Namen?)</translation>
    </message>
    <message numerus="yes">
        <source>%n certificates are served</source>
        <translation>
            <numerusform>%n Zertifikat wird gesendet</numerusform>
            <numerusform>%n Zertifikate werden gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>The certificate message is %1 bytes, over the 32768 bytes Jira Cloud&apos;s Java accepts: %2.</source>
        <translation>Die Zertifikatsnachricht ist %1 Byte groß, mehr als die 32768 Byte, die Java in Jira Cloud annimmt: %2.</translation>
    </message>
    <message>
        <source>Serve only the leaf and its intermediates, and a leaf with fewer names (split the names over several certificates).</source>
        <translation>Senden Sie nur das Serverzertifikat und seine Zwischenzertifikate, und ein Serverzertifikat mit weniger Namen (verteilen Sie die Namen auf mehrere Zertifikate).</translation>
    </message>
</context>
<context>
    <name>gjd::TlsHostnameCheck</name>
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
        <source>If several sites share the address, check the nginx server_name of the HTTPS server for %1.</source>
        <translation>Wenn sich mehrere Sites die Adresse teilen, prüfen Sie den nginx-server_name des HTTPS-Servers für %1.</translation>
    </message>
    <message>
        <source>Serve a certificate with %1 as an IP-address Subject Alternative Name (not a DNS name), or better, give the instance a DNS name: public CAs and Jira Cloud work with names.</source>
        <translation>Stellen Sie ein Zertifikat bereit, das %1 als Subject Alternative Name vom Typ IP-Adresse enthält (nicht als DNS-Name), oder besser: Geben Sie der Instanz einen DNS-Namen; öffentliche CAs und Jira Cloud arbeiten mit Namen.</translation>
    </message>
    <message>
        <source>Serve a certificate whose Subject Alternative Name includes %1 (or a wildcard such as *.%2 that covers it).</source>
        <translation>Stellen Sie ein Zertifikat bereit, dessen Subject Alternative Name %1 enthält (oder einen Platzhalter wie *.%2, der ihn abdeckt).</translation>
    </message>
    <message>
        <source>Serve a certificate whose Subject Alternative Name includes %1.</source>
        <translation>Stellen Sie ein Zertifikat bereit, dessen Subject Alternative Name %1 enthält.</translation>
    </message>
</context>
<context>
    <name>gjd::TlsKeyExchangeCheck</name>
    <message>
        <source>ECDHE with a %1-bit curve (%2).</source>
        <translation>ECDHE mit einer %1-Bit-Kurve (%2).</translation>
    </message>
    <message>
        <source>%1 key exchange (%2).</source>
        <translation>Schlüsselaustausch %1 (%2).</translation>
    </message>
    <message>
        <source>DHE with a %1-bit group (%2).</source>
        <translation>DHE mit einer %1-Bit-Gruppe (%2).</translation>
    </message>
    <message>
        <source>the server&apos;s DHE group has %1 bits; GitLab.com&apos;s client refuses groups under 2048 bits</source>
        <translation>die DHE-Gruppe des Servers hat %1 Bit; der Client von GitLab.com lehnt Gruppen unter 2048 Bit ab</translation>
    </message>
    <message>
        <source>its prime is not a safe prime (GitLab.com and Jira Cloud do not test this and connect, but the key exchange is weak)</source>
        <translation>ihre Primzahl ist keine sichere Primzahl (GitLab.com und Jira Cloud prüfen das nicht und verbinden sich, aber der Schlüsselaustausch ist schwach)</translation>
    </message>
    <message>
        <source>its modulus is not a prime: the group is broken or made up (GitLab.com and Jira Cloud do not test this and connect, but the key exchange protects nothing)</source>
        <translation>ihr Modulus ist keine Primzahl: Die Gruppe ist defekt oder erfunden (GitLab.com und Jira Cloud prüfen das nicht und verbinden sich, aber der Schlüsselaustausch schützt nichts)</translation>
    </message>
    <message>
        <source>Jira Cloud&apos;s Java accepts only group sizes that are a multiple of 64 bits</source>
        <translation>Java in Jira Cloud nimmt nur Gruppengrößen an, die ein Vielfaches von 64 Bit sind</translation>
    </message>
    <message>
        <source>Key exchange %1: %2.</source>
        <translation>Schlüsselaustausch %1: %2.</translation>
    </message>
    <message>
        <source>The certificate is fine; the Diffie-Hellman parameters are not. Use the standard ffdhe2048 group or larger (nginx &quot;ssl_dhparam&quot; with a file from RFC 7919, Omnibus nginx[&apos;ssl_dhparam&apos;]), or offer only ECDHE cipher suites (nginx &quot;ssl_ciphers ECDHE+AESGCM:ECDHE+CHACHA20;&quot;).</source>
        <translation>Das Zertifikat ist in Ordnung, die Diffie-Hellman-Parameter sind es nicht. Verwenden Sie die Standardgruppe ffdhe2048 oder größer (nginx &quot;ssl_dhparam&quot; mit einer Datei aus RFC 7919, Omnibus nginx[&apos;ssl_dhparam&apos;]) oder bieten Sie nur ECDHE-Cipher-Suites an (nginx &quot;ssl_ciphers ECDHE+AESGCM:ECDHE+CHACHA20;&quot;).</translation>
    </message>
    <message>
        <source>Jira Cloud&apos;s Java refuses groups under 1024 bits</source>
        <translation>Java in Jira Cloud lehnt Gruppen unter 1024 Bit ab</translation>
    </message>
    <message>
        <source>its prime is not a safe prime</source>
        <translation>ihre Primzahl ist keine sichere Primzahl</translation>
    </message>
    <message>
        <source>its modulus is not a prime: the group is broken or made up</source>
        <translation>ihr Modulus ist keine Primzahl: Die Gruppe ist defekt oder erfunden</translation>
    </message>
    <message>
        <source>ECDHE (%1).</source>
        <translation>ECDHE (%1).</translation>
    </message>
</context>
<context>
    <name>gjd::TlsLeafPurposeCheck</name>
    <message>
        <source>its extended key usage (%1) does not include serverAuth</source>
        <translation>seine erweiterte Schlüsselverwendung (%1) enthält nicht serverAuth</translation>
    </message>
    <message>
        <source>its key usage (%1) does not include digitalSignature</source>
        <translation>seine Schlüsselverwendung (%1) enthält nicht digitalSignature</translation>
    </message>
    <message>
        <source>its key usage (%1) does not include keyEncipherment, which RSA key exchange needs</source>
        <translation>seine Schlüsselverwendung (%1) enthält nicht keyEncipherment, das der RSA-Schlüsselaustausch braucht</translation>
    </message>
    <message>
        <source>The served leaf %1 is a CA certificate (basicConstraints CA:TRUE). GitLab.com and Jira Cloud accept it today, but a server certificate must not be a CA (RFC 5280), and stricter clients refuse it.</source>
        <translation>Das gesendete Serverzertifikat %1 ist ein CA-Zertifikat (basicConstraints CA:TRUE). GitLab.com und Jira Cloud nehmen es heute an, aber ein Serverzertifikat darf keine CA sein (RFC 5280), und strengere Clients lehnen es ab.</translation>
    </message>
    <message>
        <source>Have the CA reissue the certificate with basicConstraints CA:FALSE; if the first certificate served is not the server&apos;s own, put the leaf first.</source>
        <translation>Lassen Sie das Zertifikat von der CA mit basicConstraints CA:FALSE neu ausstellen; ist das erste gesendete Zertifikat nicht das eigene des Servers, stellen Sie das Serverzertifikat an den Anfang.</translation>
    </message>
    <message>
        <source>%1 may identify a TLS server.</source>
        <translation>%1 darf einen TLS-Server ausweisen.</translation>
    </message>
    <message>
        <source>it is a CA certificate (basicConstraints CA:TRUE)</source>
        <translation>es ist ein CA-Zertifikat (basicConstraints CA:TRUE)</translation>
    </message>
    <message>
        <source>The served leaf %1 may not identify a TLS server: %2. GitLab.com and Jira Cloud refuse it.</source>
        <translation>Das gesendete Serverzertifikat %1 darf keinen TLS-Server ausweisen: %2. GitLab.com und Jira Cloud lehnen es ab.</translation>
    </message>
    <message>
        <source>Have the CA reissue the certificate as a TLS server certificate: extendedKeyUsage serverAuth, keyUsage digitalSignature (and keyEncipherment for RSA keys), basicConstraints CA:FALSE. If the first certificate served is not the server&apos;s own, put the leaf first.</source>
        <translation>Lassen Sie das Zertifikat von der CA als TLS-Serverzertifikat neu ausstellen: extendedKeyUsage serverAuth, keyUsage digitalSignature (und keyEncipherment bei RSA-Schlüsseln), basicConstraints CA:FALSE. Ist das erste gesendete Zertifikat nicht das eigene des Servers, stellen Sie das Serverzertifikat an den Anfang.</translation>
    </message>
</context>
<context>
    <name>gjd::TlsNames</name>
    <message>
        <source>%1 (served %2 times)</source>
        <translation>%1 (%2-mal gesendet)</translation>
    </message>
    <message>
        <source>%1 (issued by %2, %3)</source>
        <translation>%1 (ausgestellt von %2, %3)</translation>
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
    <message>
        <source>The server completed the handshake without a certificate.</source>
        <translation>Der Server hat den Handshake ohne Zertifikat abgeschlossen.</translation>
    </message>
    <message>
        <source>The server requires a client certificate (%1): GitLab.com and Jira Cloud have none to offer.</source>
        <translation>Der Server verlangt ein Client-Zertifikat (%1): GitLab.com und Jira Cloud haben keines vorzuweisen.</translation>
    </message>
    <message>
        <source>%1 did not accept the connection in time</source>
        <translation>%1 hat die Verbindung nicht rechtzeitig angenommen</translation>
    </message>
    <message>
        <source>No address of %1 accepted a TCP connection on port %2 in time.</source>
        <translation>Keine Adresse von %1 hat rechtzeitig eine TCP-Verbindung auf Port %2 angenommen.</translation>
    </message>
    <message>
        <source>The server refused the handshake (handshake_failure): usually no shared cipher suite or signature algorithm, or it requires a client certificate (%1).</source>
        <translation>Der Server hat den Handshake abgelehnt (handshake_failure): meist keine gemeinsame Cipher-Suite oder kein gemeinsamer Signaturalgorithmus, oder er verlangt ein Client-Zertifikat (%1).</translation>
    </message>
    <message>
        <source>Connecting to %1 (%2) on port %3…</source>
        <translation>Verbindung zu %1 (%2) auf Port %3…</translation>
    </message>
    <message>
        <source>TLS handshake with %1…</source>
        <translation>TLS-Handshake mit %1…</translation>
    </message>
    <message>
        <source>Waiting for the first answer of %1 after the TLS handshake…</source>
        <translation>Wartet nach dem TLS-Handshake auf die erste Antwort von %1…</translation>
    </message>
    <message>
        <source>Asking %1 in plain HTTP on port %2…</source>
        <translation>Fragt %1 unverschlüsselt per HTTP auf Port %2…</translation>
    </message>
    <message>
        <source>TLS alert after the handshake: %1</source>
        <translation>TLS-Alert nach dem Handshake: %1</translation>
    </message>
    <message>
        <source>first answer: 400 &quot;No required SSL certificate was sent&quot;</source>
        <translation>erste Antwort: 400 &quot;No required SSL certificate was sent&quot;</translation>
    </message>
    <message>
        <source>The server&apos;s certificate message is larger than TLS clients accept (about 100 KiB): a chain of far too many certificates, or a certificate with thousands of names.</source>
        <translation>Die Zertifikatsnachricht des Servers ist größer, als TLS-Clients annehmen (etwa 100 KiB): eine Kette aus viel zu vielen Zertifikaten oder ein Zertifikat mit Tausenden Namen.</translation>
    </message>
    <message>
        <source>Opening a tunnel to %1 port %2 through the proxy %3…</source>
        <translation>Öffne einen Tunnel zu %1 Port %2 über den Proxy %3…</translation>
    </message>
    <message>
        <source>Comparing with a direct TLS handshake with %1 (%2)…</source>
        <translation>Vergleiche mit einem direkten TLS-Handshake mit %1 (%2)…</translation>
    </message>
    <message>
        <source>this computer does not resolve %1</source>
        <translation>dieser Computer kann %1 nicht auflösen</translation>
    </message>
    <message>
        <source>no TLS answer from %1 in time</source>
        <translation>keine rechtzeitige TLS-Antwort von %1</translation>
    </message>
    <message>
        <source>the handshake through the proxy failed, so there is nothing to compare</source>
        <translation>der Handshake über den Proxy ist fehlgeschlagen, es gibt also nichts zu vergleichen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>no TLS answer in time</source>
        <translation>keine rechtzeitige TLS-Antwort</translation>
    </message>
</context>
<context>
    <name>gjd::TlsProtocolCheck</name>
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
    <message>
        <source>The chain is trusted only through %3 (%1, root %2): GitLab.com and Atlassian will not trust this.</source>
        <translation>Die Kette ist nur über %3 vertrauenswürdig (%1, Wurzel %2): GitLab.com und Atlassian vertrauen ihr nicht.</translation>
    </message>
    <message>
        <source>The chain was seen only through the proxy %1: if it inspects TLS, this is the proxy&apos;s chain, and %2 may be its root rather than the server&apos;s.</source>
        <translation>Die Kette wurde nur über den Proxy %1 gesehen: Bricht er TLS auf, ist dies die Kette des Proxys, und %2 ist womöglich dessen Stammzertifikat statt das des Servers.</translation>
    </message>
</context>
<context>
    <name>gjd::TlsValidityCheck</name>
    <message>
        <source>The leaf certificate %1</source>
        <translation>Das Serverzertifikat %1</translation>
    </message>
    <message>
        <source>The CA certificate %1</source>
        <translation>Das CA-Zertifikat %1</translation>
    </message>
    <message>
        <source>%1 is not valid before %2.</source>
        <translation>%1 ist erst ab %2 gültig.</translation>
    </message>
    <message>
        <source>Renew the certificate now and make renewal automatic (certbot&apos;s timer, or Omnibus letsencrypt[&apos;auto_renew&apos;] = true).</source>
        <translation>Erneuern Sie das Zertifikat jetzt und automatisieren Sie die Erneuerung (der Timer von certbot oder Omnibus letsencrypt[&apos;auto_renew&apos;] = true).</translation>
    </message>
    <message>
        <source>The served copy of the root %1 (clients use their own)</source>
        <translation>Die mitgesendete Kopie des Stammzertifikats %1 (Clients verwenden ihre eigene)</translation>
    </message>
    <message numerus="yes">
        <source>%1 expired on %2 (%n day(s) ago).</source>
        <translation>
            <numerusform>%1 ist am %2 abgelaufen (vor %n Tag).</numerusform>
            <numerusform>%1 ist am %2 abgelaufen (vor %n Tagen).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 expires on %2, in %n day(s).</source>
        <translation>
            <numerusform>%1 läuft am %2 ab, in %n Tag.</numerusform>
            <numerusform>%1 läuft am %2 ab, in %n Tagen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Renew the certificate and serve the renewed chain (certbot renew, or Omnibus letsencrypt[&apos;auto_renew&apos;] = true).</source>
        <translation>Erneuern Sie das Zertifikat und senden Sie die erneuerte Kette (certbot renew oder Omnibus letsencrypt[&apos;auto_renew&apos;] = true).</translation>
    </message>
    <message>
        <source>The certificate itself needs no change: the intermediate served with it is out of date. Download the CA&apos;s current intermediate, serve it instead of the old one, and rebuild the full-chain file.</source>
        <translation>Das Zertifikat selbst muss nicht geändert werden: Das mitgesendete Zwischenzertifikat ist veraltet. Laden Sie das aktuelle Zwischenzertifikat der CA herunter, senden Sie es statt des alten und bauen Sie die Full-Chain-Datei neu.</translation>
    </message>
    <message numerus="yes">
        <source>Every served certificate is valid; the leaf expires on %1 (in %n day(s)).</source>
        <translation>
            <numerusform>Jedes gesendete Zertifikat ist gültig; das Serverzertifikat läuft am %1 ab (in %n Tag).</numerusform>
            <numerusform>Jedes gesendete Zertifikat ist gültig; das Serverzertifikat läuft am %1 ab (in %n Tagen).</numerusform>
        </translation>
    </message>
    <message>
        <source>The unused served certificate %1 (issued by %2)</source>
        <translation>Das ungenutzte ausgelieferte Zertifikat %1 (ausgestellt von %2)</translation>
    </message>
    <message>
        <source>Remove the out-of-date certificate from the served bundle (the full-chain file): clients do not need it, and some refuse a chain that contains it.</source>
        <translation>Entfernen Sie das veraltete Zertifikat aus dem ausgelieferten Bündel (der Full-Chain-Datei): Clients brauchen es nicht, und manche lehnen eine Kette ab, die es enthält.</translation>
    </message>
</context>
<context>
    <name>gjd::WaterfallWidget</name>
    <message>
        <source>Probe timing</source>
        <translation>Zeitablauf der Messungen</translation>
    </message>
    <message>
        <source>No run yet.</source>
        <translation>Noch kein Lauf.</translation>
    </message>
    <message>
        <source>%1: from %2 ms to %3 ms</source>
        <translation>%1: von %2 ms bis %3 ms</translation>
    </message>
    <message>
        <source>0 ms</source>
        <translation>0 ms</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>gjd::cli</name>
    <message>
        <source>gitlab-jira-doctor-cli: cannot write to standard output: %1
</source>
        <translation>gitlab-jira-doctor-cli: Die Standardausgabe kann nicht geschrieben werden: %1
</translation>
    </message>
</context>
<context>
    <name>gjd::cli::ExportCommands</name>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <source>Write to FILE (atomically) instead of standard output.</source>
        <translation>Die Ausgabe (atomar) in DATEI statt auf die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <source>Output format: text (default), json, junit, markdown or html.</source>
        <translation>Ausgabeformat: text (Standard), json, junit, markdown oder html.</translation>
    </message>
    <message>
        <source>Warnings also make the exit code 1.</source>
        <translation>Auch Warnungen ergeben den Exit-Code 1.</translation>
    </message>
    <message>
        <source>Usage: gitlab-jira-doctor-cli show [options] FILE</source>
        <translation>Aufruf: gitlab-jira-doctor-cli show [Optionen] FILE</translation>
    </message>
    <message>
        <source>show takes one file: an export (.zip) or a report (.json)</source>
        <translation>show nimmt genau eine Datei: einen Export (.zip) oder einen Bericht (.json)</translation>
    </message>
    <message>
        <source>Troubleshooting export made %1 by GitLab Jira Doctor %2; redaction: %3.</source>
        <translation>Diagnose-Export, erstellt am %1 mit GitLab Jira Doctor %2; Schwärzung: %3.</translation>
    </message>
    <message>
        <source>identities</source>
        <translation>Identitäten</translation>
    </message>
    <message>
        <source>secrets</source>
        <translation>Geheimnisse</translation>
    </message>
    <message>
        <source>Lists what changed per check between two exports or reports: fixed, new failures, still failing. Exits 0 when no check got worse, 1 when at least one did.</source>
        <translation>Listet auf, was sich je Prüfung zwischen zwei Exporten oder Berichten geändert hat: behoben, neu fehlgeschlagen, weiterhin fehlgeschlagen. Endet mit 0, wenn sich keine Prüfung verschlechtert hat, und mit 1, wenn sich mindestens eine verschlechtert hat.</translation>
    </message>
    <message>
        <source>Output format: text (default) or json.</source>
        <translation>Ausgabeformat: text (Standard) oder json.</translation>
    </message>
    <message>
        <source>The earlier export or report.</source>
        <translation>Der frühere Export oder Bericht.</translation>
    </message>
    <message>
        <source>The later export or report.</source>
        <translation>Der spätere Export oder Bericht.</translation>
    </message>
    <message>
        <source>Usage: gitlab-jira-doctor-cli diff [options] OLD NEW</source>
        <translation>Aufruf: gitlab-jira-doctor-cli diff [Optionen] OLD NEW</translation>
    </message>
    <message>
        <source>diff takes two files: the earlier and the later export or report</source>
        <translation>diff nimmt zwei Dateien: den früheren und den späteren Export oder Bericht</translation>
    </message>
    <message>
        <source>--format must be text or json (got &quot;%1&quot;)</source>
        <translation>--format muss text oder json sein (erhalten: „%1“)</translation>
    </message>
    <message>
        <source>Prints a troubleshooting export (or a report.json, or a fleet report of check --targets) as check would, with the same exit code. The export is read, never unpacked to disk.</source>
        <translation>Gibt einen Diagnose-Export (oder eine report.json oder einen Sammelbericht von check --targets) so aus wie check, mit demselben Exit-Code. Der Export wird gelesen, nie auf die Festplatte entpackt.</translation>
    </message>
    <message>
        <source>An export (.zip), a report (.json) or a fleet report (.json).</source>
        <translation>Ein Export (.zip), ein Bericht (.json) oder ein Sammelbericht (.json).</translation>
    </message>
    <message>
        <source>--format %1 shows one instance; a fleet report is shown as %2</source>
        <translation>--format %1 zeigt eine einzelne Instanz; ein Sammelbericht wird als %2 angezeigt</translation>
    </message>
</context>
<context>
    <name>gjd::cli::FleetRun</name>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <source>--use-keychain: %1</source>
        <translation>--use-keychain: %1</translation>
    </message>
    <message>
        <source>--output-dir: %1</source>
        <translation>--output-dir: %1</translation>
    </message>
    <message numerus="yes">
        <source>Instances done: %1 of %n</source>
        <comment>progress on the terminal</comment>
        <translation>
            <numerusform>Fertig: %1 von %n Instanz</numerusform>
            <numerusform>Fertig: %1 von %n Instanzen</numerusform>
        </translation>
    </message>
    <message>
        <source>--output: %1</source>
        <translation>--output: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) at a time, not %1: this process may open at most %2 files, and an instance may need %3 at once (raise the hard limit: ulimit -Hn, or LimitNOFILE= in a systemd unit)</source>
        <translation>
            <numerusform>%n Instanz gleichzeitig, nicht %1: Dieser Prozess darf höchstens %2 Dateien öffnen, und eine Instanz braucht bis zu %3 gleichzeitig (heben Sie die harte Grenze an: ulimit -Hn oder LimitNOFILE= in einer systemd-Unit)</numerusform>
            <numerusform>%n Instanzen gleichzeitig, nicht %1: Dieser Prozess darf höchstens %2 Dateien öffnen, und eine Instanz braucht bis zu %3 gleichzeitig (heben Sie die harte Grenze an: ulimit -Hn oder LimitNOFILE= in einer systemd-Unit)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::cli::ProgressLine</name>
    <message numerus="yes">
        <source>Checks done: %1 of %n</source>
        <comment>progress on the terminal</comment>
        <translation>
            <numerusform>Fertig: %1 von %n Prüfung</numerusform>
            <numerusform>Fertig: %1 von %n Prüfungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checks done: %1 of %n — %2</source>
        <comment>progress on the terminal, and what the run waits for</comment>
        <translation>
            <numerusform>Fertig: %1 von %n Prüfung — %2</numerusform>
            <numerusform>Fertig: %1 von %n Prüfungen — %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::cli::ReportOutput</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>--format must be text, json, junit, markdown, html or openmetrics (got &quot;%1&quot;)</source>
        <translation>--format muss text, json, junit, markdown, html oder openmetrics sein (erhalten: „%1“)</translation>
    </message>
</context>
<context>
    <name>gjd::wizard::AsyncPage</name>
    <message>
        <source>The saved token could not be read: %1</source>
        <translation>Das gespeicherte Token ließ sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>The token was not remembered: %1 It is used for this session only.</source>
        <translation>Das Token wurde nicht gemerkt: %1 Es gilt nur für diese Sitzung.</translation>
    </message>
</context>
<context>
    <name>gjd::wizard::FindingList</name>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Behebung: %1</translation>
    </message>
    <message>
        <source>Results of the checks</source>
        <translation>Ergebnisse der Prüfungen</translation>
    </message>
</context>
<context>
    <name>gjd::wizard::InstallWizardPage</name>
    <message>
        <source>Install the app in Jira</source>
        <translation>Die App in Jira installieren</translation>
    </message>
    <message>
        <source>In Jira, as the Jira user of the previous page.</source>
        <translation>In Jira, als der Jira-Benutzer der vorigen Seite.</translation>
    </message>
    <message>
        <source>Instance URL:</source>
        <translation>Instanz-URL:</translation>
    </message>
    <message>
        <source>Instance URL</source>
        <translation>Instanz-URL</translation>
    </message>
    <message>
        <source>Approve the app&apos;s Forge upgrade</source>
        <translation>Das Forge-Upgrade der App genehmigen</translation>
    </message>
    <message>
        <source>The app in the Atlassian Marketplace: &lt;a href=&quot;%1&quot; style=&quot;color: %2&quot;&gt;GitLab for Jira Cloud&lt;/a&gt;</source>
        <translation>Die App im Atlassian Marketplace: &lt;a href=&quot;%1&quot; style=&quot;color: %2&quot;&gt;GitLab for Jira Cloud&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>gjd::wizard::InstanceWizardPage</name>
    <message>
        <source>Your GitLab instance</source>
        <translation>Ihre GitLab-Instanz</translation>
    </message>
    <message>
        <source>The URL admins use, and an administrator&apos;s personal access token with the scope api (and admin_mode when Admin Mode is on). The token is checked before anything else.</source>
        <translation>Die URL, die Administratoren verwenden, und ein persönliches Zugriffstoken eines Administrators mit dem Bereich api (und admin_mode, wenn der Admin-Modus an ist). Das Token wird vor allem anderen geprüft.</translation>
    </message>
    <message>
        <source>&amp;Remember the token in the system keychain</source>
        <translation>Token im System-Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>The token could not be checked.</source>
        <translation>Das Token ließ sich nicht prüfen.</translation>
    </message>
    <message>
        <source>The connection to GitLab cannot be trusted from here</source>
        <translation>Der Verbindung zu GitLab kann von hier aus nicht vertraut werden</translation>
    </message>
    <message>
        <source>The token is sent only over a connection this computer can verify. What stops it:</source>
        <translation>Das Token wird nur über eine Verbindung gesendet, die dieser Computer prüfen kann. Das steht im Weg:</translation>
    </message>
    <message>
        <source>Choose a CA or &amp;intermediate file…</source>
        <translation>CA- oder &amp;Zwischenzertifikat-Datei wählen…</translation>
    </message>
    <message>
        <source>A PEM file with your private CA or the missing intermediate certificate; it is used for this computer&apos;s connections only</source>
        <translation>Eine PEM-Datei mit Ihrer privaten CA oder dem fehlenden Zwischenzertifikat; sie gilt nur für die Verbindungen dieses Computers</translation>
    </message>
    <message>
        <source>Open in the &amp;diagnostics pane</source>
        <translation>In der &amp;Diagnose öffnen</translation>
    </message>
    <message>
        <source>Private CA or intermediate certificate</source>
        <translation>Private CA oder Zwischenzertifikat</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>gjd::wizard::JiraWizardPage</name>
    <message>
        <source>Jira user</source>
        <translation>Jira-Benutzer</translation>
    </message>
    <message>
        <source>The Jira user who installs and configures the app must be in site-admins or org-admins, and may need the Browse users and groups permission.</source>
        <translation>Der Jira-Benutzer, der die App installiert und einrichtet, muss in site-admins oder org-admins sein und braucht womöglich die Berechtigung „Browse users and groups“.</translation>
    </message>
    <message>
        <source>Jira &amp;site:</source>
        <translation>Jira-&amp;Site:</translation>
    </message>
    <message>
        <source>https://your-site.atlassian.net</source>
        <translation>https://ihre-site.atlassian.net</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>API-&amp;Token:</translation>
    </message>
    <message>
        <source>Jira API token</source>
        <translation>Jira-API-Token</translation>
    </message>
    <message>
        <source>S&amp;kip: check the Jira user later</source>
        <translation>Jira-Benutzer später prüfen (ü&amp;berspringen)</translation>
    </message>
    <message>
        <source>&amp;Remember the API token in the system keychain</source>
        <translation>API-Token im System-Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;%1&quot; style=&quot;color: %2&quot;&gt;Create an API token&lt;/a&gt; (Atlassian account → Security)</source>
        <translation>&lt;a href=&quot;%1&quot; style=&quot;color: %2&quot;&gt;API-Token erstellen&lt;/a&gt; (Atlassian-Konto → Sicherheit)</translation>
    </message>
    <message>
        <source>C&amp;heck the Jira user</source>
        <translation>Jira-Benutzer p&amp;rüfen</translation>
    </message>
    <message>
        <source>This Jira user can install and configure the app. Select Next to go on.</source>
        <translation>Dieser Jira-Benutzer kann die App installieren und konfigurieren. Wählen Sie Weiter, um fortzufahren.</translation>
    </message>
    <message>
        <source>Change what the list says, then check again (or skip this check).</source>
        <translation>Ändern Sie, was die Liste nennt, und prüfen Sie erneut (oder überspringen Sie diese Prüfung).</translation>
    </message>
</context>
<context>
    <name>gjd::wizard::MethodWizardPage</name>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>Installation</translation>
    </message>
    <message>
        <source>New installs use the Marketplace app; an existing legacy install is moved to it.</source>
        <translation>Neue Installationen nutzen die Marketplace-App; eine bestehende alte Installation zieht dorthin um.</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>&amp;New install: the Marketplace app</source>
        <translation>&amp;Neue Installation: die Marketplace-App</translation>
    </message>
    <message>
        <source>&amp;Existing legacy install: move it to the Marketplace app</source>
        <translation>&amp;Bestehende alte Installation: zur Marketplace-App umziehen</translation>
    </message>
    <message>
        <source>Install &quot;GitLab for Jira Cloud&quot; from the Atlassian Marketplace; GitLab 15.7 or later. GitLab.com relays install events and branch links; your data goes from your instance straight to Jira.</source>
        <translation>Installieren Sie „GitLab for Jira Cloud“ aus dem Atlassian Marketplace; GitLab 15.7 oder neuer. GitLab.com vermittelt Installationsereignisse und Branch-Links; Ihre Daten gehen direkt von Ihrer Instanz zu Jira.</translation>
    </message>
    <message>
        <source>For an instance that serves its own Connect app (a manual install), or relays for other instances. %1</source>
        <translation>Für eine Instanz, die ihre eigene Connect-App bereitstellt (eine manuelle Installation) oder für andere Instanzen vermittelt. %1</translation>
    </message>
    <message>
        <source>Moving the legacy install</source>
        <translation>Umzug der alten Installation</translation>
    </message>
    <message>
        <source>In GitLab, the next pages show and apply: the Jira Connect Proxy URL becomes https://gitlab.com; a new OAuth application gets GitLab.com&apos;s callback, and the legacy one is kept unless you tick below; public key storage is switched off unless other instances use this one as their proxy. In Jira, the Install page lists the steps: uninstall the private app, install the Marketplace app, approve its Forge upgrade, link the groups again.</source>
        <translation>In GitLab zeigen die nächsten Seiten und setzen um: Die Jira Connect Proxy URL wird https://gitlab.com; eine neue OAuth-Anwendung bekommt den Callback von GitLab.com, die alte bleibt, außer Sie kreuzen unten an; die Speicherung öffentlicher Schlüssel wird ausgeschaltet, außer andere Instanzen nutzen diese als Proxy. Für Jira nennt die Seite Installation die Schritte: private App deinstallieren, Marketplace-App installieren, ihr Forge-Upgrade genehmigen, Gruppen erneut verknüpfen.</translation>
    </message>
    <message>
        <source>The install type is not known: GitLab&apos;s settings were not read.</source>
        <translation>Die Art der Installation ist nicht bekannt: Die Einstellungen von GitLab wurden nicht gelesen.</translation>
    </message>
    <message>
        <source>Install type: %1.</source>
        <translation>Art der Installation: %1.</translation>
    </message>
    <message>
        <source>Recommended: move the legacy install to the Marketplace app.</source>
        <translation>Empfohlen: die alte Installation zur Marketplace-App umziehen.</translation>
    </message>
    <message>
        <source>Recommended: the Marketplace app.</source>
        <translation>Empfohlen: die Marketplace-App.</translation>
    </message>
    <message>
        <source>&amp;Delete the legacy OAuth applications (this instance&apos;s own Jira callback) once GitLab points at the new one</source>
        <translation>Alte OAuth-Anwendungen (mit dem eigenen Jira-Callback dieser Instanz) &amp;löschen, sobald GitLab auf die neue zeigt</translation>
    </message>
</context>
<context>
    <name>gjd::wizard::OAuthWizardPage</name>
    <message>
        <source>OAuth application</source>
        <translation>OAuth-Anwendung</translation>
    </message>
    <message>
        <source>&amp;Delete the misconfigured application and create a correct one</source>
        <translation>Die falsch eingerichtete Anwendung &amp;löschen und eine richtige anlegen</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>Erneut &amp;prüfen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Redirect URI:</source>
        <translation>Redirect-URI:</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>Bereiche:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (id %2) will be deleted, and &quot;%3&quot; created with redirect URI %4.</source>
        <translation>„%1“ (ID %2) wird gelöscht und „%3“ mit der Redirect-URI %4 angelegt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; will be created with redirect URI %2, scope api, not confidential.</source>
        <translation>„%1“ wird mit der Redirect-URI %2 angelegt, Bereich api, nicht vertraulich.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (id %2), which the Application ID setting points at, is misconfigured: %3. Fix it at %4, or let the wizard replace it.</source>
        <translation>„%1“ (ID %2), auf die die Einstellung Application ID zeigt, ist falsch eingerichtet: %3. Korrigieren Sie sie unter %4, oder lassen Sie den Assistenten sie ersetzen.</translation>
    </message>
    <message>
        <source>Application name</source>
        <translation>Name der Anwendung</translation>
    </message>
    <message>
        <source>Redirect URI</source>
        <translation>Redirect-URI</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>The legacy application &quot;%1&quot; (id %2) stays as it is.</source>
        <translation>Die alte Anwendung „%1“ (ID %2) bleibt, wie sie ist.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (id %2)</source>
        <translation>„%1“ (ID %2)</translation>
    </message>
    <message>
        <source>Will be deleted once the settings point at the new one, as you chose: %1.</source>
        <translation>Wird gelöscht, sobald die Einstellungen auf die neue zeigen, wie gewählt: %1.</translation>
    </message>
    <message>
        <source>The Jira app signs admins in to GitLab with an OAuth application: scope api only, not confidential, not trusted. Nothing is written until you select Create application.</source>
        <translation>Die Jira-App meldet Administratoren mit einer OAuth-Anwendung bei GitLab an: nur Bereich api, nicht Vertraulich, nicht Vertrauenswürdig. Geschrieben wird erst, wenn Sie Anwendung erstellen wählen.</translation>
    </message>
    <message>
        <source>Delete and &amp;create application</source>
        <translation>Löschen und Anwendung &amp;erstellen</translation>
    </message>
    <message>
        <source>&amp;Create application</source>
        <translation>Anwendung &amp;erstellen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (id %2) is set up right and will be used. Nothing is written on this page.</source>
        <translation>„%1“ (ID %2) ist richtig eingerichtet und wird verwendet. Auf dieser Seite wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>Application ID %1 is ready. Select Next for GitLab&apos;s settings.</source>
        <translation>Application ID %1 ist bereit. Wählen Sie Weiter für die Einstellungen von GitLab.</translation>
    </message>
    <message>
        <source>Or by hand</source>
        <translation>Oder von Hand</translation>
    </message>
    <message>
        <source>Create it in Admin → Applications → New application, then select Check again: clear Trusted and Confidential, select only the api scope.</source>
        <translation>Legen Sie sie unter Admin → Anwendungen → Neue Anwendung an und wählen Sie dann Erneut prüfen: Vertrauenswürdig und Vertraulich abwählen, nur den Bereich api wählen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was created with redirect URI %2, scope api, not confidential.</source>
        <translation>„%1“ wurde mit der Redirect-URI %2 angelegt, Bereich api, nicht Vertraulich.</translation>
    </message>
</context>
<context>
    <name>gjd::wizard::PrerequisitesWizardPage</name>
    <message>
        <source>Prerequisites</source>
        <translation>Voraussetzungen</translation>
    </message>
    <message>
        <source>What Jira Cloud and GitLab.com need before anything is set up: a public name, HTTPS with a complete, publicly trusted chain, a recent GitLab, the Jira Connect endpoints.</source>
        <translation>Was Jira Cloud und GitLab.com brauchen, bevor etwas eingerichtet wird: einen öffentlichen Namen, HTTPS mit vollständiger, öffentlich vertrauenswürdiger Kette, ein aktuelles GitLab, die Jira-Connect-Endpunkte.</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>Erneut &amp;prüfen</translation>
    </message>
    <message>
        <source>I know better (for example split-horizon DNS): &amp;continue anyway</source>
        <translation>Ich weiß es besser (zum Beispiel Split-Horizon-DNS): trotzdem &amp;fortfahren</translation>
    </message>
    <message>
        <source>Some prerequisites fail: fix them and check again, or continue if you know they do not apply from where Jira connects.</source>
        <translation>Einige Voraussetzungen fehlen: Beheben Sie sie und prüfen Sie erneut, oder fahren Sie fort, wenn Sie wissen, dass sie von dort, wo Jira sich verbindet, nicht zutreffen.</translation>
    </message>
    <message>
        <source>Jira Cloud and GitLab.com can work with this instance.</source>
        <translation>Jira Cloud und GitLab.com können mit dieser Instanz arbeiten.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing fails, but %n warning(s) may stop Jira Cloud or GitLab.com: read them before you go on.</source>
        <translation>
            <numerusform>Nichts schlägt fehl, aber %n Warnung kann Jira Cloud oder GitLab.com aufhalten: Lesen Sie sie, bevor Sie fortfahren.</numerusform>
            <numerusform>Nichts schlägt fehl, aber %n Warnungen können Jira Cloud oder GitLab.com aufhalten: Lesen Sie sie, bevor Sie fortfahren.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::wizard::SettingsWizardPage</name>
    <message>
        <source>GitLab for Jira App settings</source>
        <translation>Einstellungen „GitLab for Jira App“</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Read back from GitLab</source>
        <translation>Von GitLab zurückgelesen</translation>
    </message>
    <message>
        <source>(the new application&apos;s ID)</source>
        <translation>(die ID der neuen Anwendung)</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 ändert sich</translation>
    </message>
    <message>
        <source>%1 stays</source>
        <translation>%1 bleibt</translation>
    </message>
    <message>
        <source>Planned changes</source>
        <translation>Geplante Änderungen</translation>
    </message>
    <message>
        <source>Admin → Settings → General → GitLab for Jira App. Only the values that differ are written when you select Apply settings; GitLab then reads them back.</source>
        <translation>Admin → Settings → General → GitLab for Jira App. Nur abweichende Werte werden geschrieben, wenn Sie Einstellungen anwenden wählen; danach liest GitLab sie zurück.</translation>
    </message>
    <message>
        <source>&amp;Apply settings</source>
        <translation>Einstellungen &amp;anwenden</translation>
    </message>
    <message>
        <source>&amp;Verify settings</source>
        <translation>Einstellungen &amp;überprüfen</translation>
    </message>
    <message>
        <source>Writes the values marked as changing, then reads them back</source>
        <translation>Schreibt die als geändert markierten Werte und liest sie danach zurück</translation>
    </message>
    <message>
        <source>Nothing needs to change: reads the settings back, writes nothing</source>
        <translation>Nichts muss sich ändern: Liest die Einstellungen zurück, schreibt nichts</translation>
    </message>
    <message>
        <source>%1: set, and read back from GitLab.</source>
        <translation>%1: gesetzt und aus GitLab zurückgelesen.</translation>
    </message>
    <message>
        <source>%1 changes: %2 → %3.</source>
        <translation>%1 ändert sich: %2 → %3.</translation>
    </message>
    <message>
        <source>%1 stays: %2.</source>
        <translation>%1 bleibt: %2.</translation>
    </message>
    <message>
        <source>GitLab is set up for %1 and verified.</source>
        <translation>GitLab ist für %1 eingerichtet und überprüft.</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>Erneut &amp;prüfen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (id %2)</source>
        <translation>„%1“ (ID %2)</translation>
    </message>
    <message>
        <source>Apply settings also deletes, once the settings point at the new application: %1.</source>
        <translation>Einstellungen anwenden löscht außerdem, sobald die Einstellungen auf die neue Anwendung zeigen: %1.</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Grund: %1</translation>
    </message>
</context>
<context>
    <name>gjd::wizard::StepIndicator</name>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>Installation</translation>
    </message>
    <message>
        <source>Prerequisites</source>
        <translation>Voraussetzungen</translation>
    </message>
    <message>
        <source>OAuth application</source>
        <translation>OAuth-Anwendung</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Jira user</source>
        <translation>Jira-Benutzer</translation>
    </message>
    <message>
        <source>Install in Jira</source>
        <translation>In Jira installieren</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>Step %1 of %2, current: %3</source>
        <translation>Schritt %1 von %2, aktuell: %3</translation>
    </message>
    <message>
        <source>Step %1 of %2, done: %3</source>
        <translation>Schritt %1 von %2, erledigt: %3</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
</context>
<context>
    <name>gjd::wizard::VerifyWizardPage</name>
    <message>
        <source>Verify</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>The full diagnostics, as Jira Cloud and GitLab.com see the instance.</source>
        <translation>Die vollständige Diagnose, wie Jira Cloud und GitLab.com die Instanz sehen.</translation>
    </message>
    <message>
        <source>Open in the &amp;diagnostics pane</source>
        <translation>Im &amp;Diagnosebereich öffnen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>Erneut &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Group path:</source>
        <translation>&amp;Gruppenpfad:</translation>
    </message>
    <message>
        <source>&amp;Project path:</source>
        <translation>Pro&amp;jektpfad:</translation>
    </message>
    <message numerus="yes">
        <source>Verdict: FAIL. %n check(s) fail; the list says what to change.</source>
        <translation>
            <numerusform>Ergebnis: FEHLGESCHLAGEN. %n Prüfung schlägt fehl; die Liste sagt, was zu ändern ist.</numerusform>
            <numerusform>Ergebnis: FEHLGESCHLAGEN. %n Prüfungen schlagen fehl; die Liste sagt, was zu ändern ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Verdict: WARN. Nothing fails; look at the warnings and the manual checks.</source>
        <translation>Ergebnis: WARNUNG. Nichts schlägt fehl; sehen Sie sich die Warnungen und die manuellen Prüfungen an.</translation>
    </message>
    <message>
        <source>Verdict: PASS. Everything this computer can test works.</source>
        <translation>Ergebnis: BESTANDEN. Alles, was dieser Computer prüfen kann, funktioniert.</translation>
    </message>
    <message>
        <source>Save a troubleshooting export (a ZIP for a support ticket); you see what it contains before it is saved</source>
        <translation>Einen Diagnose-Export speichern (ein ZIP für ein Support-Ticket); Sie sehen vor dem Speichern, was er enthält</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Rails console checks</source>
        <translation>Prüfungen in der Rails-Konsole</translation>
    </message>
    <message>
        <source>Run these in sudo gitlab-rails console on the GitLab server.</source>
        <translation>Führen Sie diese in sudo gitlab-rails console auf dem GitLab-Server aus.</translation>
    </message>
    <message>
        <source>OAuth application created (Application ID %1).</source>
        <translation>OAuth-Anwendung erstellt (Application ID %1).</translation>
    </message>
    <message>
        <source>OAuth application reused (Application ID %1).</source>
        <translation>OAuth-Anwendung weiterverwendet (Application ID %1).</translation>
    </message>
    <message>
        <source>GitLab for Jira App settings applied and read back.</source>
        <translation>Einstellungen der GitLab for Jira App angewendet und zurückgelesen.</translation>
    </message>
    <message>
        <source>GitLab for Jira App settings were already right (read back).</source>
        <translation>Die Einstellungen der GitLab for Jira App waren schon richtig (zurückgelesen).</translation>
    </message>
    <message>
        <source>Jira user checked.</source>
        <translation>Jira-Benutzer geprüft.</translation>
    </message>
    <message>
        <source>Jira user not checked (skipped).</source>
        <translation>Jira-Benutzer nicht geprüft (übersprungen).</translation>
    </message>
    <message>
        <source>What the wizard did: %1</source>
        <translation>Was der Assistent getan hat: %1</translation>
    </message>
</context>
<context>
    <name>gjd::wizard::WizardContext</name>
    <message>
        <source>The setup could not start: check the URL on the first page.</source>
        <translation>Die Einrichtung konnte nicht starten: Prüfen Sie die URL auf der ersten Seite.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Open the diagnostics pane and check URL.</source>
        <translation>Den Diagnosebereich öffnen und URL prüfen.</translation>
    </message>
    <message>
        <source>A troubleshooting export (.zip) or report (.json) to open.</source>
        <translation>Ein Diagnose-Export (.zip) oder Bericht (.json), der geöffnet werden soll.</translation>
    </message>
</context>
</TS>
