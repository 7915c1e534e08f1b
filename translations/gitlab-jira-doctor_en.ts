<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>gjd::DiffDialog</name>
    <message numerus="yes">
        <source>%n fixed</source>
        <translation>
            <numerusform>%n fixed</numerusform>
            <numerusform>%n fixed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n newly failing</source>
        <translation>
            <numerusform>%n newly failing</numerusform>
            <numerusform>%n newly failing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still failing</source>
        <translation>
            <numerusform>%n still failing</numerusform>
            <numerusform>%n still failing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::ExportDialog</name>
    <message numerus="yes">
        <source>%n file(s), %1 before compression. Tokens, cookies, Authorization values, OAuth secrets and Jira tokens are removed.</source>
        <translation>
            <numerusform>%n file, %1 before compression. Tokens, cookies, Authorization values, OAuth secrets and Jira tokens are removed.</numerusform>
            <numerusform>%n files, %1 before compression. Tokens, cookies, Authorization values, OAuth secrets and Jira tokens are removed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::FleetFormatter</name>
    <message numerus="yes">
        <source>GitLab Jira Doctor %1 — %n instance(s) from %2</source>
        <translation>
            <numerusform>GitLab Jira Doctor %1 — %n instance from %2</numerusform>
            <numerusform>GitLab Jira Doctor %1 — %n instances from %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s)</source>
        <translation>
            <numerusform>%n instance</numerusform>
            <numerusform>%n instances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incomplete</source>
        <translation>
            <numerusform>%n incomplete</numerusform>
            <numerusform>%n incomplete</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) not used</source>
        <translation>
            <numerusform>%n line not used</numerusform>
            <numerusform>%n lines not used</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::FleetPage</name>
    <message numerus="yes">
        <source>%n instance(s): %1 pass, %2 warn, %3 fail</source>
        <translation>
            <numerusform>%n instance: %1 pass, %2 warn, %3 fail</numerusform>
            <numerusform>%n instances: %1 pass, %2 warn, %3 fail</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cannot be used</source>
        <translation>
            <numerusform>%n cannot be used</numerusform>
            <numerusform>%n cannot be used</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) cannot be used</source>
        <translation>
            <numerusform>%n line cannot be used</numerusform>
            <numerusform>%n lines cannot be used</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with checks that could not run</source>
        <translation>
            <numerusform>%n with checks that could not run</numerusform>
            <numerusform>%n with checks that could not run</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n instance(s) not checked to the end.</source>
        <translation>
            <numerusform>Cancelled: %n instance not checked to the end.</numerusform>
            <numerusform>Cancelled: %n instances not checked to the end.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2: %n instance(s)</source>
        <translation>
            <numerusform>%1 — %2: %n instance</numerusform>
            <numerusform>%1 — %2: %n instances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <comment>failing checks</comment>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::FleetTargets</name>
    <message numerus="yes">
        <source>more than %n instances in one file</source>
        <translation>
            <numerusform>more than %n instances in one file</numerusform>
            <numerusform>more than %n instances in one file</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::GitLabOAuthAppCheck</name>
    <message numerus="yes">
        <source>&quot;%1&quot; is set up right; %n other application(s) also point at a Jira callback: %2.</source>
        <translation>
            <numerusform>&quot;%1&quot; is set up right; %n other application also points at a Jira callback: %2.</numerusform>
            <numerusform>&quot;%1&quot; is set up right; %n other applications also point at a Jira callback: %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::GitLabSettingsApplicationKeyCheck</name>
    <message numerus="yes">
        <source>The Application ID %1 belongs to no OAuth application of this instance (%n application(s) listed).</source>
        <translation>
            <numerusform>The Application ID %1 belongs to no OAuth application of this instance (%n application listed).</numerusform>
            <numerusform>The Application ID %1 belongs to no OAuth application of this instance (%n applications listed).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::HttpExchange</name>
    <message numerus="yes">
        <source>Timed out after %1 s with the headers received (%2) and the body incomplete (%n byte(s) received).</source>
        <translation>
            <numerusform>Timed out after %1 s with the headers received (%2) and the body incomplete (%n byte received).</numerusform>
            <numerusform>Timed out after %1 s with the headers received (%2) and the body incomplete (%n bytes received).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::ReportDiff</name>
    <message numerus="yes">
        <source>%n fixed</source>
        <comment>diff summary</comment>
        <translation>
            <numerusform>%n fixed</numerusform>
            <numerusform>%n fixed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n newly failing</source>
        <comment>diff summary</comment>
        <translation>
            <numerusform>%n newly failing</numerusform>
            <numerusform>%n newly failing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still failing</source>
        <comment>diff summary</comment>
        <translation>
            <numerusform>%n still failing</numerusform>
            <numerusform>%n still failing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <comment>diff summary</comment>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>diff summary</comment>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>diff summary</comment>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::TcpProbe</name>
    <message numerus="yes">
        <source>Connecting to %n address(es) of %1 on port %2…</source>
        <translation>
            <numerusform>Connecting to %n address of %1 on port %2…</numerusform>
            <numerusform>Connecting to %n addresses of %1 on port %2…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::TlsChainExtraCheck</name>
    <message numerus="yes">
        <source>The server sends %n certificate(s); only the first %1 were analysed.</source>
        <translation>
            <numerusform>The server sends %n certificate; only the first %1 were analysed.</numerusform>
            <numerusform>The server sends %n certificates; only the first %1 were analysed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server also sends %n certificate(s) that are not on the path: %1.</source>
        <translation>
            <numerusform>The server also sends %n certificate that is not on the path: %1.</numerusform>
            <numerusform>The server also sends %n certificates that are not on the path: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::TlsHandshakeCheck</name>
    <message numerus="yes">
        <source>%1 with %2, %n certificate(s) served, in %3 ms.</source>
        <translation>
            <numerusform>%1 with %2, %n certificate served, in %3 ms.</numerusform>
            <numerusform>%1 with %2, %n certificates served, in %3 ms.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::TlsHandshakeSizeCheck</name>
    <message numerus="yes">
        <source>%1 bytes for %n certificate(s).</source>
        <translation>
            <numerusform>%1 bytes for %n certificate.</numerusform>
            <numerusform>%1 bytes for %n certificates.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificates are served</source>
        <translation>
            <numerusform>%n certificate is served</numerusform>
            <numerusform>%n certificates are served</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::TlsValidityCheck</name>
    <message numerus="yes">
        <source>%1 expired on %2 (%n day(s) ago).</source>
        <translation>
            <numerusform>%1 expired on %2 (%n day ago).</numerusform>
            <numerusform>%1 expired on %2 (%n days ago).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 expires on %2, in %n day(s).</source>
        <translation>
            <numerusform>%1 expires on %2, in %n day.</numerusform>
            <numerusform>%1 expires on %2, in %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every served certificate is valid; the leaf expires on %1 (in %n day(s)).</source>
        <translation>
            <numerusform>Every served certificate is valid; the leaf expires on %1 (in %n day).</numerusform>
            <numerusform>Every served certificate is valid; the leaf expires on %1 (in %n days).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::cli::FleetRun</name>
    <message numerus="yes">
        <source>Instances done: %1 of %n</source>
        <comment>progress on the terminal</comment>
        <translation>
            <numerusform>Instances done: %1 of %n</numerusform>
            <numerusform>Instances done: %1 of %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) at a time, not %1: this process may open at most %2 files, and an instance may need %3 at once (raise the hard limit: ulimit -Hn, or LimitNOFILE= in a systemd unit)</source>
        <translation>
            <numerusform>%n instance at a time, not %1: this process may open at most %2 files, and an instance may need %3 at once (raise the hard limit: ulimit -Hn, or LimitNOFILE= in a systemd unit)</numerusform>
            <numerusform>%n instances at a time, not %1: this process may open at most %2 files, and an instance may need %3 at once (raise the hard limit: ulimit -Hn, or LimitNOFILE= in a systemd unit)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::cli::ProgressLine</name>
    <message numerus="yes">
        <source>Checks done: %1 of %n</source>
        <comment>progress on the terminal</comment>
        <translation>
            <numerusform>Checks done: %1 of %n</numerusform>
            <numerusform>Checks done: %1 of %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checks done: %1 of %n — %2</source>
        <comment>progress on the terminal, and what the run waits for</comment>
        <translation>
            <numerusform>Checks done: %1 of %n — %2</numerusform>
            <numerusform>Checks done: %1 of %n — %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::wizard::PrerequisitesWizardPage</name>
    <message numerus="yes">
        <source>Nothing fails, but %n warning(s) may stop Jira Cloud or GitLab.com: read them before you go on.</source>
        <translation>
            <numerusform>Nothing fails, but %n warning may stop Jira Cloud or GitLab.com: read them before you go on.</numerusform>
            <numerusform>Nothing fails, but %n warnings may stop Jira Cloud or GitLab.com: read them before you go on.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gjd::wizard::VerifyWizardPage</name>
    <message numerus="yes">
        <source>Verdict: FAIL. %n check(s) fail; the list says what to change.</source>
        <translation>
            <numerusform>Verdict: FAIL. %n check fails; the list says what to change.</numerusform>
            <numerusform>Verdict: FAIL. %n checks fail; the list says what to change.</numerusform>
        </translation>
    </message>
</context>
</TS>
