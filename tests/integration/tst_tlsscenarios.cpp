// SPDX-License-Identifier: GPL-3.0-or-later
//
// The real CLI against a real nginx serving every TLS mistake of checks.md (TLS section), one
// server block per scenario, with the throw-away PKI of tests/support/make-pki.sh ($GJD_PKI_DIR).
// Every tls.* status and the exit code are asserted exactly; every JSON report produced is
// validated against docs/report.schema.json at the end (one python3 process for all of them).

#include "clitest.h"
#include "nginxserver.h"

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace gjd {

namespace {

// checks.md, TLS section, catalogue order.
const QStringList kTlsIds = {
    QStringLiteral("tls.handshake"),      QStringLiteral("tls.protocol"),
    QStringLiteral("tls.hostname"),       QStringLiteral("tls.validity"),
    QStringLiteral("tls.chain.complete"), QStringLiteral("tls.chain.order"),
    QStringLiteral("tls.chain.extra"),    QStringLiteral("tls.chain.anchor"),
    QStringLiteral("tls.trust.public"),   QStringLiteral("tls.crypto"),
    QStringLiteral("tls.leaf.purpose"),   QStringLiteral("tls.key_exchange"),
    QStringLiteral("tls.handshake_size"), QStringLiteral("tls.client_certificate"),
};

// What every scenario shares: the name resolves (through --resolve) to loopback, which Jira Cloud
// cannot reach, on a port the marketplace method only warns about.
const QList<std::pair<QString, QString>> kCommonExpectations = {
    {QStringLiteral("input.url"), QStringLiteral("pass")},
    {QStringLiteral("dns.resolve"), QStringLiteral("pass")},
    {QStringLiteral("dns.public"), QStringLiteral("warn")},
    {QStringLiteral("tcp.connect"), QStringLiteral("pass")},
    {QStringLiteral("port.allowed"), QStringLiteral("warn")},
};

// The scenarios select the network and TLS checks only: nginx answers "ok" to every request, so
// the GitLab and Jira Connect checks (http.*, gitlab.*, connect.*) would fail in every scenario
// and hide the exit code the TLS findings alone give. --only reports the others as skip.
const QString kOnly = QStringLiteral("input.,dns.,tcp.,port.,tls.");

const QString kHost = QStringLiteral("gitlab.test");

// A statement about one finding that a scenario needs besides its status.
struct Mention
{
    enum class Where
    {
        Text,       // summary + details
        Any,        // summary + details + remedy + evidence
        Summary,    // summary only
        Evidence,   // evidence[key]; arrays are matched one element per line
        SkippedFor, // status skip, and summary/details name the prerequisite `key` (id or title)
    };
    QString id;
    Where where = Where::Text;
    QString key;     // Evidence: the evidence key; SkippedFor: the prerequisite's id
    QString pattern; // regular expression, case-insensitive, multi-line (unused for SkippedFor)
};
using Mentions = QList<Mention>;

} // namespace
} // namespace gjd

Q_DECLARE_METATYPE(gjd::Mentions)

namespace gjd {
namespace {

Mention text(const QString& id, const QString& pattern)
{
    return {id, Mention::Where::Text, {}, pattern};
}
Mention any(const QString& id, const QString& pattern)
{
    return {id, Mention::Where::Any, {}, pattern};
}
Mention summary(const QString& id, const QString& pattern)
{
    return {id, Mention::Where::Summary, {}, pattern};
}
Mention evidence(const QString& id, const QString& key, const QString& pattern)
{
    return {id, Mention::Where::Evidence, key, pattern};
}
Mention skippedFor(const QString& id, const QString& prerequisite)
{
    return {id, Mention::Where::SkippedFor, prerequisite, {}};
}

// The expected status of every tls.* id: `others` unless overridden.
QStringList tlsStatuses(std::initializer_list<std::pair<const char*, const char*>> overrides,
                        const char* others = "pass")
{
    QStringList statuses;
    for (const QString& id : kTlsIds) {
        QString status = QString::fromLatin1(others);
        for (const auto& [overriddenId, overriddenStatus] : overrides) {
            if (id == QLatin1String(overriddenId))
                status = QString::fromLatin1(overriddenStatus);
        }
        statuses.append(status);
    }
    return statuses;
}

} // namespace

class TlsScenarios final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void scenario_data();
    void scenario();
    void usageErrors_data();
    void usageErrors();
    void outputFile();
    void onlyOneCheck_data();
    void onlyOneCheck();
    void addressUrlGetsAnAddressRemedy();
    void textOutput();
    void strictTurnsWarningsIntoFailures();
    void reportsMatchSchema(); // last: validates every report the functions above produced

private:
    QStringList checkArguments(const QString& site, int timeoutSeconds = 5) const;
    quint16 portOf(const QString& site) const;
    std::optional<QJsonObject> parseReport(const test::CliRun& run, const QByteArray& json, QString* error);
    void keepForSchema(const QString& tag, const QByteArray& json);

    std::unique_ptr<test::NginxServer> m_nginx;
    std::unique_ptr<test::StallServer> m_stall;
    QHash<QString, QString> m_servedBundle; // site -> bundle file, for the certificates check
    QTemporaryDir m_reports;                // every JSON report, validated at the end
    QTemporaryDir m_scratch;                // input files the tests make up
    int m_reportCount = 0;
};

void TlsScenarios::initTestCase()
{
    QVERIFY2(!test::pkiDir().isEmpty(), "GJD_PKI_DIR is not set: run through ctest (fixture `pki`), or run "
                                        "tests/support/make-pki.sh DIR and export GJD_PKI_DIR=DIR");
    QVERIFY2(QFileInfo::exists(test::pki(QStringLiteral("trust.pem"))),
             qPrintable(QStringLiteral("no PKI in %1 (make-pki.sh did not run?)").arg(test::pkiDir())));
    QVERIFY2(QFileInfo(QStringLiteral(GJD_CLI_PATH)).isExecutable(), GJD_CLI_PATH " is not built");
    QVERIFY(m_reports.isValid());
    QVERIFY(m_scratch.isValid());
    {
        QFile notPem(m_scratch.filePath(QStringLiteral("not-pem.txt")));
        QVERIFY(notPem.open(QIODevice::WriteOnly));
        notPem.write("this is not a certificate\n");
    }

    // Debian's OpenSSL runs at security level 2: without @SECLEVEL=0 before ssl_certificate,
    // nginx refuses to load the SHA-1-signed leaf ("ca md too weak") and the RSA-1024 one
    // ("ee key too small"), and cannot sign a TLS 1.1 ServerKeyExchange.
    const QString weak = QStringLiteral("ssl_ciphers DEFAULT:@SECLEVEL=0;");
    QList<test::NginxSite> sites;
    auto addTls = [&](const QString& name, const QString& bundle, const QString& extra = QString()) {
        sites.append(test::NginxSite::tls(name, test::pki(bundle + QStringLiteral(".pem")),
                                          test::pki(bundle + QStringLiteral(".key")), extra));
        m_servedBundle.insert(name, test::pki(bundle + QStringLiteral(".pem")));
    };
    for (const char* bundle : {"full", "leaf-only", "reversed", "extra", "with-root", "expired-leaf",
                               "expired-inter", "notyet", "expiring", "wronghost", "selfsigned",
                               "unknown-root", "private-ca", "cross-expired", "redated-root", "duplicate"})
        addTls(QString::fromLatin1(bundle), QString::fromLatin1(bundle));
    addTls(QStringLiteral("sha1"), QStringLiteral("sha1"), weak);
    addTls(QStringLiteral("rsa1024"), QStringLiteral("rsa1024"), weak);
    addTls(QStringLiteral("tls11"), QStringLiteral("full"), QStringLiteral("ssl_protocols TLSv1.1; ") + weak);
    // The cases of tests/integration/tst_oracles.cpp that the newer checks judge (bundles and
    // parameters from tests/support/make-pki.sh).
    for (const char* bundle : {"eku-client", "ku-certsign", "leaf-ca", "inter-first", "big-40k", "big-200k"})
        addTls(QString::fromLatin1(bundle), QString::fromLatin1(bundle));
    const auto dhe = [](const char* dhparam) {
        return QStringLiteral("ssl_protocols TLSv1.2; ssl_ciphers \"DHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0\"; "
                              "ssl_dhparam \"%1\";")
            .arg(test::pki(QLatin1String(dhparam)));
    };
    addTls(QStringLiteral("dh1024"), QStringLiteral("full-rsa"), dhe("dh1024.pem"));
    addTls(QStringLiteral("dh-composite-2048"), QStringLiteral("full-rsa"), dhe("dh-composite-2048.pem"));
    addTls(QStringLiteral("ffdhe2048"), QStringLiteral("full-rsa"), dhe("ffdhe2048.pem"));
    addTls(QStringLiteral("client-cert"), QStringLiteral("full"),
           QStringLiteral("ssl_protocols TLSv1.2; ssl_verify_client on; ssl_client_certificate \"%1\";")
               .arg(test::pki(QStringLiteral("root.pem"))));
    sites.append(test::NginxSite::plainHttp(QStringLiteral("plain-http")));

    m_nginx = std::make_unique<test::NginxServer>(sites);
    if (!m_nginx->start()) {
        qWarning().noquote() << m_nginx->errorString() << "\n--- nginx.conf ---\n" << m_nginx->configText();
        QFAIL("nginx did not start (its error log is above)");
    }
    m_stall = std::make_unique<test::StallServer>();
    QVERIFY2(m_stall->start(), qPrintable(m_stall->errorString()));
}

quint16 TlsScenarios::portOf(const QString& site) const
{
    if (site == QLatin1String("stall"))
        return m_stall->serverPort();
    return m_nginx->port(site);
}

QStringList TlsScenarios::checkArguments(const QString& site, int timeoutSeconds) const
{
    const QString port = QString::number(portOf(site));
    return {QStringLiteral("check"),         QStringLiteral("https://%1:%2").arg(kHost, port),
            QStringLiteral("--resolve"),     QStringLiteral("%1:%2:127.0.0.1").arg(kHost, port),
            QStringLiteral("--trust-store"), test::pki(QStringLiteral("trust.pem")),
            QStringLiteral("--method"),      QStringLiteral("marketplace"),
            QStringLiteral("--format"),      QStringLiteral("json"),
            QStringLiteral("--timeout"),     QString::number(timeoutSeconds),
            QStringLiteral("--only"),        kOnly};
}

void TlsScenarios::keepForSchema(const QString& tag, const QByteArray& json)
{
    QString name = tag;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")), QStringLiteral("_"));
    QFile file(m_reports.filePath(
        QStringLiteral("%1-%2.json").arg(++m_reportCount, 3, 10, QLatin1Char('0')).arg(name)));
    if (file.open(QIODevice::WriteOnly))
        file.write(json);
}

std::optional<QJsonObject> TlsScenarios::parseReport(const test::CliRun& run, const QByteArray& json,
                                                     QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("the report is not a JSON object (%1 at %2):\n%3\n%4")
                     .arg(parseError.errorString())
                     .arg(parseError.offset)
                     .arg(QString::fromUtf8(json.left(2000)), run.describe());
        return std::nullopt;
    }
    keepForSchema(QString::fromLatin1(QTest::currentTestFunction()) + QLatin1Char('-') +
                      QString::fromLatin1(QTest::currentDataTag() ? QTest::currentDataTag() : ""),
                  json);
    return doc.object();
}

void TlsScenarios::scenario_data()
{
    QTest::addColumn<QString>("site");
    QTest::addColumn<QStringList>("extraArguments");
    QTest::addColumn<int>("timeout");
    QTest::addColumn<QStringList>("tls"); // statuses in kTlsIds order
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<Mentions>("mentions");

    const QStringList none;
    const QString h = QStringLiteral("tls.handshake");
    QTest::newRow("full") << "full" << none << 5 << tlsStatuses({}) << 0 << Mentions{};
    QTest::newRow("leaf-only")
        << "leaf-only" << none << 5
        << tlsStatuses({{"tls.chain.complete", "fail"}, {"tls.trust.public", "skip"}}) << 1
        << Mentions{evidence(QStringLiteral("tls.chain.complete"), QStringLiteral("missing_issuer"),
                             QStringLiteral("CN=GJD Test Intermediate CA")),
                    skippedFor(QStringLiteral("tls.trust.public"), QStringLiteral("tls.chain.complete"))};
    QTest::newRow("reversed") << "reversed" << none << 5 << tlsStatuses({{"tls.chain.order", "warn"}}) << 0
                              << Mentions{};
    QTest::newRow("extra") << "extra" << none << 5 << tlsStatuses({{"tls.chain.extra", "warn"}}) << 0
                           << Mentions{
                                  any(QStringLiteral("tls.chain.extra"), QStringLiteral("GJD Unrelated"))};
    QTest::newRow("with-root") << "with-root" << none << 5 << tlsStatuses({{"tls.chain.anchor", "info"}}) << 0
                               << Mentions{};
    QTest::newRow("expired-leaf") << "expired-leaf" << none << 5 << tlsStatuses({{"tls.validity", "fail"}})
                                  << 1 << Mentions{};
    QTest::newRow("expired-inter") << "expired-inter" << none << 5 << tlsStatuses({{"tls.validity", "fail"}})
                                   << 1
                                   << Mentions{any(QStringLiteral("tls.validity"),
                                                   QStringLiteral("GJD Test Expired Intermediate"))};
    QTest::newRow("notyet") << "notyet" << none << 5 << tlsStatuses({{"tls.validity", "fail"}}) << 1
                            << Mentions{};
    QTest::newRow("expiring") << "expiring" << none << 5 << tlsStatuses({{"tls.validity", "warn"}}) << 0
                              << Mentions{};
    QTest::newRow("wronghost") << "wronghost" << none << 5 << tlsStatuses({{"tls.hostname", "fail"}}) << 1
                               << Mentions{evidence(QStringLiteral("tls.hostname"), QStringLiteral("san"),
                                                    QStringLiteral("^other\\.test$"))};
    QTest::newRow("selfsigned") << "selfsigned" << none << 5
                                << tlsStatuses({{"tls.trust.public", "fail"}, {"tls.chain.anchor", "skip"}})
                                << 1 << Mentions{};
    QTest::newRow("unknown-root") << "unknown-root" << none << 5
                                  << tlsStatuses({{"tls.trust.public", "fail"}, {"tls.chain.anchor", "info"}})
                                  << 1 << Mentions{};
    QTest::newRow("private-ca")
        << "private-ca" << QStringList{QStringLiteral("--ca-file"), test::pki(QStringLiteral("root2.pem"))}
        << 5 << tlsStatuses({{"tls.trust.public", "fail"}}) << 1
        << Mentions{text(QStringLiteral("tls.trust.public"), QStringLiteral("--ca-file"))};
    // --ca-file with the intermediate (a common mistake): the server still does not send it.
    QTest::newRow("ca-file holds the intermediate")
        << "leaf-only" << QStringList{QStringLiteral("--ca-file"), test::pki(QStringLiteral("inter.pem"))}
        << 5 << tlsStatuses({{"tls.chain.complete", "fail"}, {"tls.trust.public", "skip"}}) << 1
        << Mentions{text(QStringLiteral("tls.chain.complete"), QStringLiteral("only your --ca-file has it"))};
    // Certificates with the root's name and key that clients ignore: an expired cross-signed one is
    // an unused extra; an expired re-dated copy of the root is the root sent. Neither fails.
    QTest::newRow("cross-expired") << "cross-expired" << none << 5
                                   << tlsStatuses({{"tls.chain.extra", "warn"}, {"tls.validity", "warn"}})
                                   << 0
                                   << Mentions{any(QStringLiteral("tls.chain.extra"),
                                                   QStringLiteral("GJD Old Root CA"))};
    QTest::newRow("redated-root") << "redated-root" << none << 5
                                  << tlsStatuses({{"tls.chain.anchor", "info"}, {"tls.validity", "warn"}})
                                  << 0
                                  << Mentions{text(QStringLiteral("tls.validity"),
                                                   QStringLiteral("clients use their own"))};
    QTest::newRow("duplicate") << "duplicate" << none << 5 << tlsStatuses({{"tls.chain.extra", "warn"}}) << 0
                               << Mentions{text(QStringLiteral("tls.chain.extra"),
                                                QStringLiteral("served 2 times"))};
    // The SHA-1 signature is inter's (EC key): ecdsa-with-SHA1.
    QTest::newRow("sha1") << "sha1" << none << 5 << tlsStatuses({{"tls.crypto", "fail"}}) << 1
                          << Mentions{text(QStringLiteral("tls.crypto"), QStringLiteral("SHA-?1"))};
    // The client (OpenSSL security level 2) still completes the handshake with an RSA-1024 leaf:
    // the key size is a verification error, which the probe collects instead of aborting.
    QTest::newRow("rsa1024") << "rsa1024" << none << 5 << tlsStatuses({{"tls.crypto", "fail"}}) << 1
                             << Mentions{text(QStringLiteral("tls.crypto"), QStringLiteral("\\b1024\\b"))};

    // The rules of the newer TLS checks (checks.md), each with the reason the admin reads.
    QTest::newRow("eku-client") << "eku-client" << none << 5 << tlsStatuses({{"tls.leaf.purpose", "fail"}})
                                << 1
                                << Mentions{
                                       text(QStringLiteral("tls.leaf.purpose"), QStringLiteral("serverAuth")),
                                       evidence(QStringLiteral("tls.leaf.purpose"),
                                                QStringLiteral("consumers"), QStringLiteral("reject"))};
    QTest::newRow("ku-certsign") << "ku-certsign" << none << 5 << tlsStatuses({{"tls.leaf.purpose", "fail"}})
                                 << 1
                                 << Mentions{text(QStringLiteral("tls.leaf.purpose"),
                                                  QStringLiteral("keyCertSign.*digitalSignature"))};
    QTest::newRow("leaf-ca") << "leaf-ca" << none << 5 << tlsStatuses({{"tls.leaf.purpose", "warn"}}) << 0
                             << Mentions{text(QStringLiteral("tls.leaf.purpose"), QStringLiteral("CA:TRUE"))};
    // An intermediate with its own key served first, the leaf second: the fix is the order, not
    // removing the leaf.
    QTest::newRow("inter-first")
        << "inter-first" << none << 5
        << tlsStatuses({{"tls.hostname", "fail"}, {"tls.chain.extra", "warn"}, {"tls.leaf.purpose", "fail"}})
        << 1
        << Mentions{any(QStringLiteral("tls.chain.extra"), QStringLiteral("Put the leaf first")),
                    text(QStringLiteral("tls.chain.extra"), QStringLiteral("is a CA certificate"))};
    QTest::newRow("big-40k") << "big-40k" << none << 5 << tlsStatuses({{"tls.handshake_size", "warn"}}) << 0
                             << Mentions{text(QStringLiteral("tls.handshake_size"),
                                              QStringLiteral("32768 bytes.*CN=gitlab.test alone"))};
    QTest::newRow("big-200k")
        << "big-200k" << none << 5
        << tlsStatuses({{"tls.handshake", "fail"}, {"tls.handshake_size", "fail"}}, "skip") << 1
        << Mentions{text(QStringLiteral("tls.handshake_size"), QStringLiteral("100 KiB")),
                    any(QStringLiteral("tls.handshake"), QStringLiteral("thousands"))};
    QTest::newRow("dh1024") << "dh1024" << none << 5 << tlsStatuses({{"tls.key_exchange", "fail"}}) << 1
                            << Mentions{
                                   text(QStringLiteral("tls.key_exchange"), QStringLiteral("1024 bits")),
                                   any(QStringLiteral("tls.key_exchange"), QStringLiteral("ssl_dhparam"))};
    QTest::newRow("dh-composite-2048")
        << "dh-composite-2048" << none << 5 << tlsStatuses({{"tls.key_exchange", "fail"}}) << 1
        << Mentions{text(QStringLiteral("tls.key_exchange"), QStringLiteral("not a prime"))};
    QTest::newRow("ffdhe2048") << "ffdhe2048" << none << 5 << tlsStatuses({}) << 0 << Mentions{};
    QTest::newRow("client-cert") << "client-cert" << none << 5
                                 << tlsStatuses({{"tls.client_certificate", "fail"}}) << 1
                                 << Mentions{text(QStringLiteral("tls.client_certificate"),
                                                  QStringLiteral("No required SSL certificate was sent")),
                                             any(QStringLiteral("tls.client_certificate"),
                                                 QStringLiteral("ssl_verify_client off"))};

    Mentions afterHandshake;
    for (const QString& id : kTlsIds.mid(1))
        afterHandshake.append(skippedFor(id, h));
    Mentions afterHandshakeExceptProtocol;
    for (const QString& id : kTlsIds.mid(2))
        afterHandshakeExceptProtocol.append(skippedFor(id, h));

    // A TLS 1.1-only server: an OpenSSL 3 client at security level >= 1 cannot finish the
    // handshake ("legacy sigalg disallowed": TLS 1.1 signs the key exchange with SHA-1/MD5), so
    // tls.handshake fails, and tls.protocol must still say why: the server speaks no TLS 1.2.
    QTest::newRow("tls11") << "tls11" << none << 5
                           << tlsStatuses({{"tls.handshake", "fail"}, {"tls.protocol", "fail"}}, "skip") << 1
                           << afterHandshakeExceptProtocol;
    QTest::newRow("plain-http") << "plain-http" << none << 5
                                << tlsStatuses({{"tls.handshake", "fail"}}, "skip") << 1
                                << (Mentions{summary(h, QStringLiteral("plain HTTP"))} + afterHandshake);
    // The finding names the timeout: the word, or the --timeout budget it ran out of.
    QTest::newRow("stall") << "stall" << none << 2 << tlsStatuses({{"tls.handshake", "fail"}}, "skip") << 1
                           << (Mentions{text(h, QStringLiteral("time(d)?[ -]?out|within 2 s"))} +
                               afterHandshake);
}

void TlsScenarios::scenario()
{
    QFETCH(QString, site);
    QFETCH(QStringList, extraArguments);
    QFETCH(int, timeout);
    QFETCH(QStringList, tls);
    QFETCH(int, exitCode);
    QFETCH(Mentions, mentions);

    QVERIFY2(portOf(site) != 0, qPrintable(QStringLiteral("no server for %1").arg(site)));
    const test::CliRun run = test::runCli(checkArguments(site, timeout) + extraArguments);
    QVERIFY2(run.finished,
             qPrintable(QStringLiteral("the CLI did not finish within 30 s\n") + run.describe()));
    QVERIFY2(run.exitStatus == QProcess::NormalExit,
             qPrintable(QStringLiteral("the CLI crashed\n") + run.describe()));
    if (site == QLatin1String("stall")) {
        // Not a speed assertion: the process must end within the run's own bound (3 × timeout + 5 s),
        // not wait for the stalled peer or anything else.
        qInfo("stall: the CLI took %lld ms with --timeout %d", run.elapsedMs, timeout);
        QVERIFY2(run.elapsedMs < timeout * 3000 + 5000, qPrintable(run.describe()));
    }

    QString parseError;
    const auto report = parseReport(run, run.out, &parseError);
    QVERIFY2(report, qPrintable(parseError));

    QStringList problems;
    const QHash<QString, QJsonObject> byId = test::findingsById(*report, &problems);
    if (report->value(QStringLiteral("schema")).toString() != QLatin1String("gitlab-jira-doctor/report/1"))
        problems.append(
            QStringLiteral("schema is \"%1\"").arg(report->value(QStringLiteral("schema")).toString()));

    auto expectStatus = [&](const QString& id, const QString& status) {
        if (!byId.contains(id)) {
            problems.append(QStringLiteral("%1 is missing from the report").arg(id));
            return;
        }
        const QString actual = byId.value(id).value(QStringLiteral("status")).toString();
        if (actual != status)
            problems.append(QStringLiteral("%1: expected %2, got %3").arg(id, status, actual));
    };
    for (const auto& [id, status] : kCommonExpectations)
        expectStatus(id, status);
    for (int i = 0; i < kTlsIds.size(); ++i)
        expectStatus(kTlsIds.at(i), tls.at(i));

    // Checks outside --only are reported, as skip.
    for (auto it = byId.cbegin(); it != byId.cend(); ++it) {
        const QString id = it.key();
        const bool selected = id.startsWith(QLatin1String("input.")) ||
                              id.startsWith(QLatin1String("dns.")) || id.startsWith(QLatin1String("tcp.")) ||
                              id.startsWith(QLatin1String("port.")) || id.startsWith(QLatin1String("tls."));
        const QString status = it.value().value(QStringLiteral("status")).toString();
        if (!selected && status != QLatin1String("skip"))
            problems.append(QStringLiteral("%1 is not selected by --only but is %2").arg(id, status));
    }

    for (const Mention& m : std::as_const(mentions)) {
        const QJsonObject f = byId.value(m.id);
        if (f.isEmpty())
            continue; // already reported missing
        const QString summaryText = f.value(QStringLiteral("summary")).toString();
        const QString detailsText = f.value(QStringLiteral("details")).toString();
        if (m.where == Mention::Where::SkippedFor) {
            const QString title = byId.value(m.key).value(QStringLiteral("title")).toString();
            const QString said = summaryText + QLatin1Char('\n') + detailsText;
            const bool named =
                said.contains(m.key) || (!title.isEmpty() && said.contains(title, Qt::CaseInsensitive));
            if (f.value(QStringLiteral("status")).toString() == QLatin1String("skip") && !named)
                problems.append(
                    QStringLiteral("%1 is skipped but does not name its failed prerequisite %2 (or \"%3\")")
                        .arg(m.id, m.key, title));
            continue;
        }
        QString haystack;
        switch (m.where) {
        case Mention::Where::Summary:
            haystack = summaryText;
            break;
        case Mention::Where::Text:
            haystack = summaryText + QLatin1Char('\n') + detailsText;
            break;
        case Mention::Where::Any:
            haystack = summaryText + QLatin1Char('\n') + detailsText + QLatin1Char('\n') +
                       f.value(QStringLiteral("remedy")).toString() + QLatin1Char('\n') +
                       test::compactJson(f.value(QStringLiteral("evidence")));
            break;
        case Mention::Where::Evidence: {
            const QJsonValue value = f.value(QStringLiteral("evidence")).toObject().value(m.key);
            if (value.isArray()) {
                QStringList lines;
                const QJsonArray array = value.toArray();
                for (const QJsonValue& element : array)
                    lines.append(test::compactJson(element));
                haystack = lines.join(QLatin1Char('\n'));
            } else if (!value.isUndefined()) {
                haystack = test::compactJson(value);
            }
            break;
        }
        case Mention::Where::SkippedFor:
            break;
        }
        const QRegularExpression re(m.pattern, QRegularExpression::CaseInsensitiveOption |
                                                   QRegularExpression::MultilineOption);
        if (!re.match(haystack).hasMatch()) {
            const QString where = m.where == Mention::Where::Evidence  ? QStringLiteral("evidence.") + m.key
                                  : m.where == Mention::Where::Summary ? QStringLiteral("summary")
                                  : m.where == Mention::Where::Text    ? QStringLiteral("summary/details")
                                                                       : QStringLiteral("the finding");
            problems.append(QStringLiteral("%1: %2 does not match /%3/").arg(m.id, where, m.pattern));
        }
    }

    // The report shows every certificate the server sent.
    if (m_servedBundle.contains(site) &&
        byId.value(QStringLiteral("tls.handshake")).value(QStringLiteral("status")) ==
            QLatin1String("pass")) {
        QSet<QString> listed;
        const QJsonArray certificates = report->value(QStringLiteral("certificates")).toArray();
        for (const QJsonValue& c : certificates)
            listed.insert(c.toObject().value(QStringLiteral("sha256")).toString().toLower());
        const QList<QSslCertificate> served = QSslCertificate::fromPath(m_servedBundle.value(site));
        for (const QSslCertificate& cert : served) {
            const QString sha = QString::fromLatin1(cert.digest(QCryptographicHash::Sha256).toHex());
            if (!listed.contains(sha))
                problems.append(QStringLiteral("certificates[] lacks the served %1 (sha256 %2)")
                                    .arg(cert.subjectDisplayName(), sha));
        }
    }

    const QString verdict =
        report->value(QStringLiteral("summary")).toObject().value(QStringLiteral("verdict")).toString();
    if (run.exitCode != exitCode)
        problems.append(QStringLiteral("exit code: expected %1, got %2").arg(exitCode).arg(run.exitCode));
    const bool verdictMatchesExit =
        run.exitCode == 1   ? verdict == QLatin1String("fail")
        : run.exitCode == 0 ? (verdict == QLatin1String("pass") || verdict == QLatin1String("warn"))
                            : false;
    if (!verdictMatchesExit)
        problems.append(QStringLiteral("summary.verdict %1 does not go with exit code %2")
                            .arg(verdict)
                            .arg(run.exitCode));

    if (!problems.isEmpty()) {
        QString message = QStringLiteral("scenario %1:\n- ").arg(site) +
                          problems.join(QStringLiteral("\n- ")) + QStringLiteral("\nfindings:\n");
        QStringList shown;
        for (const auto& [id, status] : kCommonExpectations) {
            Q_UNUSED(status)
            shown.append(id);
        }
        shown += kTlsIds;
        for (const QString& id : std::as_const(shown)) {
            if (byId.contains(id))
                message += test::describeFinding(byId.value(id)) + QLatin1Char('\n');
        }
        message += run.describe();
        // Qt Test cuts failure messages at 1024 bytes: the whole story goes to the log first.
        qWarning().noquote() << message;
        QFAIL(qPrintable(QStringLiteral("scenario %1: %2 problem(s), first: %3 (all findings above)")
                             .arg(site)
                             .arg(problems.size())
                             .arg(problems.constFirst())));
    }
}

void TlsScenarios::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");

    QTest::newRow("ftp url") << QStringList{QStringLiteral("check"), QStringLiteral("ftp://x")};
    // The files are checked before any network access: the URL is a good one.
    const QStringList good = checkArguments(QStringLiteral("full"));
    QTest::newRow("missing ca-file") << good + QStringList{QStringLiteral("--ca-file"),
                                                           test::pki(QStringLiteral("does-not-exist.pem"))};
    QTest::newRow("ca-file is a directory")
        << good + QStringList{QStringLiteral("--ca-file"), test::pkiDir()};
    QTest::newRow("ca-file without certificates")
        << good + QStringList{QStringLiteral("--ca-file"), m_scratch.filePath(QStringLiteral("not-pem.txt"))};
    QTest::newRow("missing trust-store")
        << good +
               QStringList{QStringLiteral("--trust-store"), test::pki(QStringLiteral("does-not-exist.pem"))};
    QTest::newRow("unknown option") << good + QStringList{QStringLiteral("--frobnicate")};
    QTest::newRow("no URL") << QStringList{QStringLiteral("check")};
    QTest::newRow("two URLs") << good + QStringList{QStringLiteral("https://other.test")};
    QTest::newRow("timeout zero") << good + QStringList{QStringLiteral("--timeout"), QStringLiteral("0")};
    QTest::newRow("timeout not a number")
        << good + QStringList{QStringLiteral("--timeout"), QStringLiteral("soon")};
    QTest::newRow("unknown method") << good +
                                           QStringList{QStringLiteral("--method"), QStringLiteral("cloud")};
    QTest::newRow("unknown format") << good + QStringList{QStringLiteral("--format"), QStringLiteral("yaml")};
    QTest::newRow("malformed resolve")
        << good + QStringList{QStringLiteral("--resolve"), QStringLiteral("gitlab.test")};
    QTest::newRow("resolve to a name")
        << good + QStringList{QStringLiteral("--resolve"), QStringLiteral("gitlab.test:443:localhost")};
    QTest::newRow("unknown check id")
        << good + QStringList{QStringLiteral("--skip"), QStringLiteral("tls.nope")};
    QTest::newRow("output into a missing folder")
        << good + QStringList{QStringLiteral("--output"),
                              m_scratch.filePath(QStringLiteral("no/such/dir/r.json"))};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("chek"),
                                                    QStringLiteral("https://gitlab.test")};
    QTest::newRow("userinfo in URL") << QStringList{QStringLiteral("check"),
                                                    QStringLiteral("https://root:hunter2@gitlab.test")};
}

void TlsScenarios::usageErrors()
{
    QFETCH(QStringList, arguments);
    const test::CliRun run = test::runCli(arguments);
    QVERIFY2(run.finished && run.exitStatus == QProcess::NormalExit, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 2, qPrintable(QStringLiteral("expected exit code 2\n") + run.describe()));
    const QString err = QString::fromUtf8(run.err);
    const QString line = err.endsWith(QLatin1Char('\n')) ? err.chopped(1) : err;
    QVERIFY2(!line.trimmed().isEmpty() && !line.contains(QLatin1Char('\n')),
             qPrintable(QStringLiteral("expected exactly one line on stderr, got:\n%1").arg(err)));
}

void TlsScenarios::outputFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(QStringLiteral("report.json"));
    // An existing file is replaced as a whole.
    {
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(QByteArray(64 * 1024, 'x'));
    }

    const test::CliRun reference = test::runCli(checkArguments(QStringLiteral("full")));
    QString error;
    const auto expected = parseReport(reference, reference.out, &error);
    QVERIFY2(expected, qPrintable(error));

    const test::CliRun run = test::runCli(checkArguments(QStringLiteral("full")) +
                                          QStringList{QStringLiteral("--output"), target});
    QVERIFY2(run.finished && run.exitStatus == QProcess::NormalExit, qPrintable(run.describe()));
    QCOMPARE(run.exitCode, reference.exitCode);
    QVERIFY2(!run.out.trimmed().startsWith('{'),
             qPrintable(QStringLiteral("with --output the report must not go to stdout:\n") +
                        QString::fromUtf8(run.out)));

    QFile file(target);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QByteArray json = file.readAll();
    const auto written = parseReport(run, json, &error);
    QVERIFY2(written, qPrintable(error));

    // The same report: the same checks with the same statuses (times and dates differ).
    auto statuses = [](const QJsonObject& report) {
        QStringList out;
        const QJsonArray checks = report.value(QStringLiteral("checks")).toArray();
        for (const QJsonValue& v : checks)
            out.append(v.toObject().value(QStringLiteral("id")).toString() + QLatin1Char('=') +
                       v.toObject().value(QStringLiteral("status")).toString());
        return out;
    };
    QCOMPARE(statuses(*written), statuses(*expected));
    QCOMPARE(written->value(QStringLiteral("summary")).toObject().value(QStringLiteral("verdict")),
             expected->value(QStringLiteral("summary")).toObject().value(QStringLiteral("verdict")));
    QCOMPARE(written->value(QStringLiteral("certificates")).toArray().size(),
             expected->value(QStringLiteral("certificates")).toArray().size());

    // Atomic: temp file + rename leaves nothing else behind.
    const QStringList left =
        QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    QCOMPARE(left, QStringList{QStringLiteral("report.json")});
}

void TlsScenarios::onlyOneCheck_data()
{
    QTest::addColumn<QString>("site");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("exitCode");

    QTest::newRow("full") << "full"
                          << "pass" << 0;
    QTest::newRow("wronghost") << "wronghost"
                               << "fail" << 1;
}

// An instance URL with an IP address: the certificate for gitlab.test does not cover it, and the
// fix is an IP-address SAN or a DNS name, never a wildcard such as "*.0.0.1".
void TlsScenarios::addressUrlGetsAnAddressRemedy()
{
    QStringList arguments = checkArguments(QStringLiteral("full"));
    const QString port = QString::number(portOf(QStringLiteral("full")));
    arguments[1] = QStringLiteral("https://127.0.0.1:%1").arg(port);
    const auto resolve = arguments.indexOf(QStringLiteral("--resolve"));
    QVERIFY(resolve >= 0);
    arguments.remove(resolve, 2); // nothing to resolve
    arguments[arguments.indexOf(QStringLiteral("--only")) + 1] = QStringLiteral("tls.hostname");

    const test::CliRun run = test::runCli(arguments);
    QVERIFY2(run.finished && run.exitStatus == QProcess::NormalExit, qPrintable(run.describe()));
    QString error;
    const auto report = parseReport(run, run.out, &error);
    QVERIFY2(report, qPrintable(error));
    QStringList problems;
    const QJsonObject hostname = test::findingsById(*report, &problems).value(QStringLiteral("tls.hostname"));
    QCOMPARE(hostname.value(QStringLiteral("status")).toString(), QStringLiteral("fail"));
    const QString remedy = hostname.value(QStringLiteral("remedy")).toString();
    QVERIFY2(remedy.contains(QLatin1String("IP-address Subject Alternative Name")), qPrintable(remedy));
    QVERIFY2(!remedy.contains(QLatin1Char('*')), qPrintable(remedy));
}

void TlsScenarios::onlyOneCheck()
{
    QFETCH(QString, site);
    QFETCH(QString, status);
    QFETCH(int, exitCode);

    QStringList arguments = checkArguments(site);
    const auto only = arguments.indexOf(QStringLiteral("--only"));
    QVERIFY(only >= 0);
    arguments[only + 1] = QStringLiteral("tls.hostname");

    const test::CliRun run = test::runCli(arguments);
    QVERIFY2(run.finished && run.exitStatus == QProcess::NormalExit, qPrintable(run.describe()));
    QString error;
    const auto report = parseReport(run, run.out, &error);
    QVERIFY2(report, qPrintable(error));

    QStringList problems;
    const QHash<QString, QJsonObject> byId = test::findingsById(*report, &problems);
    const QJsonObject hostname = byId.value(QStringLiteral("tls.hostname"));
    if (hostname.value(QStringLiteral("status")).toString() != status)
        problems.append(QStringLiteral("tls.hostname: expected %1").arg(status));

    // Its prerequisites (transitively, from "requires") run; they may be reported with their real
    // status. Everything else is skip.
    QSet<QString> prerequisites;
    QStringList queue{QStringLiteral("tls.hostname")};
    while (!queue.isEmpty()) {
        const QJsonArray required = byId.value(queue.takeFirst()).value(QStringLiteral("requires")).toArray();
        for (const QJsonValue& r : required) {
            if (!prerequisites.contains(r.toString())) {
                prerequisites.insert(r.toString());
                queue.append(r.toString());
            }
        }
    }
    for (auto it = byId.cbegin(); it != byId.cend(); ++it) {
        if (it.key() == QLatin1String("tls.hostname") || prerequisites.contains(it.key()))
            continue;
        const QString s = it.value().value(QStringLiteral("status")).toString();
        if (s != QLatin1String("skip"))
            problems.append(QStringLiteral("%1 is not selected but is %2: %3")
                                .arg(it.key(), s, it.value().value(QStringLiteral("summary")).toString()));
    }
    if (run.exitCode != exitCode)
        problems.append(QStringLiteral("exit code: expected %1, got %2").arg(exitCode).arg(run.exitCode));
    if (!problems.isEmpty()) {
        qWarning().noquote() << QStringLiteral("--only tls.hostname against %1:\n- %2\n%3\n%4")
                                    .arg(site, problems.join(QStringLiteral("\n- ")),
                                         test::describeFinding(hostname), run.describe());
        QFAIL(qPrintable(QStringLiteral("--only tls.hostname against %1: %2 (details above)")
                             .arg(site, problems.constFirst())));
    }
}

void TlsScenarios::textOutput()
{
    QStringList arguments = checkArguments(QStringLiteral("leaf-only"));
    arguments[arguments.indexOf(QStringLiteral("--format")) + 1] = QStringLiteral("text");
    const test::CliRun run = test::runCli(arguments);
    QVERIFY2(run.finished && run.exitStatus == QProcess::NormalExit, qPrintable(run.describe()));
    QCOMPARE(run.exitCode, 1);
    const QString out = QString::fromUtf8(run.out);
    const QStringList lines = out.split(QLatin1Char('\n'));
    QVERIFY2(!out.contains(QStringLiteral("\x1b[")), "colour codes on a pipe"); // not a TTY, NO_COLOR set
    QVERIFY2(lines.contains(QStringLiteral("TLS")), qPrintable(out));
    QVERIFY2(lines.contains(QStringLiteral("Network")), qPrintable(out));

    // The failing check: its mark, then its summary, who refuses it, and its fix on the lines below.
    const int at = lines.indexOf(QRegularExpression(
        QStringLiteral("^[├└]─ ✗ tls\\.chain\\.complete +Certificate chain is complete$")));
    QVERIFY2(at >= 0, qPrintable(out));
    QVERIFY2(lines.value(at + 1).contains(QStringLiteral("CN=GJD Test Intermediate CA")), qPrintable(out));
    QVERIFY2(lines.value(at + 2).contains(QStringLiteral(
                 "Refused by GitLab.com (the Marketplace app) and Jira Cloud (legacy Connect installs).")),
             qPrintable(out));
    QVERIFY2(lines.value(at + 3).trimmed().startsWith(QStringLiteral("│")) ||
                 lines.value(at + 3).startsWith(QStringLiteral("      Fix: ")),
             qPrintable(out));
    QVERIFY2(lines.value(at + 3).contains(QStringLiteral("Fix: Serve the full chain")), qPrintable(out));
    QVERIFY2(lines.value(at + 3).contains(QStringLiteral("ssl_certificate")), qPrintable(out));

    // A passing check is one line; a skipped one names what it waited for. (QStringList::indexOf
    // with a regular expression wants the whole line to match.)
    QVERIFY2(lines.indexOf(QRegularExpression(
                 QStringLiteral("^[├└]─ ✓ tls\\.hostname +Certificate matches the host name$"))) >= 0,
             qPrintable(out));
    QVERIFY2(lines.indexOf(QRegularExpression(
                 QStringLiteral("^[├└]─ - tls\\.trust\\.public .*tls\\.chain\\.complete.*"))) >= 0,
             qPrintable(out));
    QVERIFY2(lines.indexOf(QRegularExpression(QStringLiteral("^Verdict: FAIL — .*fail: 1.*"))) >= 0,
             qPrintable(out));
}

void TlsScenarios::strictTurnsWarningsIntoFailures()
{
    // "reversed" has warnings only (order, loopback address, port): 0 normally, 1 with --strict.
    const test::CliRun plain = test::runCli(checkArguments(QStringLiteral("reversed")));
    QVERIFY2(plain.finished, qPrintable(plain.describe()));
    QCOMPARE(plain.exitCode, 0);
    const test::CliRun strict =
        test::runCli(checkArguments(QStringLiteral("reversed")) + QStringList{QStringLiteral("--strict")});
    QVERIFY2(strict.finished, qPrintable(strict.describe()));
    QCOMPARE(strict.exitCode, 1);
    QString error;
    const auto report = parseReport(strict, strict.out, &error);
    QVERIFY2(report, qPrintable(error));
    QCOMPARE(report->value(QStringLiteral("summary")).toObject().value(QStringLiteral("verdict")).toString(),
             QStringLiteral("warn"));
}

void TlsScenarios::reportsMatchSchema()
{
    const QString schema = QStringLiteral(GJD_SOURCE_DIR "/docs/report.schema.json");
    QVERIFY2(QFileInfo::exists(schema), qPrintable(schema));
    QVERIFY2(m_reportCount > 0, "no report was produced by the functions run: nothing to validate");

    // One interpreter for all the reports: starting python3 + jsonschema costs ~0.2 s each time.
    QStringList arguments{QStringLiteral(GJD_SOURCE_DIR "/tests/validate-report.py"), schema};
    const QFileInfoList files =
        QDir(m_reports.path()).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QFileInfo& file : files)
        arguments.append(file.absoluteFilePath());
    QCOMPARE(int(files.size()), m_reportCount);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(GJD_PYTHON), arguments);
    QVERIFY2(process.waitForFinished(60000), "python3 did not finish");
    const QString output = QString::fromUtf8(process.readAll()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning().noquote() << output;
        m_reports.setAutoRemove(false); // kept for a look
        QFAIL(qPrintable(QStringLiteral("reports do not match %1 (errors above; the reports are in %2)")
                             .arg(schema, m_reports.path())));
    }
    qInfo("%d report(s) valid against %s", m_reportCount, qPrintable(schema));
}

} // namespace gjd

QTEST_GUILESS_MAIN(gjd::TlsScenarios)
#include "tst_tlsscenarios.moc"
