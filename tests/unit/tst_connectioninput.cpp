// SPDX-License-Identifier: GPL-3.0-or-later
//
// buildRunOptions: what the connection form (the wizard's first page, the diagnostics pane) turns
// into a run, and how each unusable field is refused, with real files: a PEM from the PKI fixture,
// a missing file, a folder, /dev/zero, a FIFO and a file that holds no certificate.

#include "connectioninput.h"
#include "testpki.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <sys/stat.h>

using namespace gjd;

namespace {

ConnectionInput at(const QString& url)
{
    ConnectionInput in;
    in.url = url;
    return in;
}

} // namespace

class TestConnectionInput final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void plainUrl();
    void textsNameTheWindowsFields();
    void everyFieldTaken();
    void refuses_data();
    void refuses();
    void caFiles_data();
    void caFiles();
    void sameTarget_data();
    void sameTarget();

private:
    QTemporaryDir m_dir;
    QString m_pem;    // a CA certificate written here from the PKI fixture
    QString m_notPem; // text, no certificate
    QString m_fifo;   // a named pipe nobody writes to
    QString m_folder; // a folder
};

void TestConnectionInput::initTestCase()
{
    QVERIFY2(!gjd::test::pkiDir().isEmpty(), "run through ctest (fixture pki)");
    QVERIFY(m_dir.isValid());
    const QList<QSslCertificate> root = QSslCertificate::fromPath(gjd::test::pki(QStringLiteral("root.pem")));
    QVERIFY(!root.isEmpty());
    m_pem = m_dir.filePath(QStringLiteral("private ca.pem"));
    QFile pem(m_pem);
    QVERIFY(pem.open(QIODevice::WriteOnly));
    pem.write(root.constFirst().toPem());
    pem.close();
    m_notPem = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile text(m_notPem);
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("not a certificate\n");
    text.close();
    m_fifo = m_dir.filePath(QStringLiteral("pipe"));
    QCOMPARE(::mkfifo(QFile::encodeName(m_fifo).constData(), 0600), 0);
    m_folder = m_dir.filePath(QStringLiteral("folder"));
    QVERIFY(QDir().mkpath(m_folder));
}

void TestConnectionInput::plainUrl()
{
    QString error;
    const auto o = buildRunOptions(at(QStringLiteral("  gitlab.example.com  ")), &error);
    QVERIFY2(o, qPrintable(error));
    QVERIFY(error.isEmpty());
    // As typed (trimmed): the runner normalises it and notes what it changed.
    QCOMPARE(o->url, QStringLiteral("gitlab.example.com"));
    QCOMPARE(o->method, QStringLiteral("auto"));
    QCOMPARE(o->probeTimeoutMs, RunOptions().probeTimeoutMs);
    QVERIFY(o->publicUrl.isEmpty());
    QVERIFY(o->jiraSite.isEmpty());
    QVERIFY(o->resolve.isEmpty());
    QVERIFY(o->extraCaCertificates.isEmpty());
    // The trust store is the caller's.
    QVERIFY(o->trustStore.isEmpty());
    QCOMPARE(o->trustStoreSource, QStringLiteral("system"));
}

void TestConnectionInput::everyFieldTaken()
{
    ConnectionInput in;
    in.url = QStringLiteral("https://gitlab.example.com:8443/gitlab");
    in.publicUrl = QStringLiteral("https://jira-facing.example.com");
    in.caFile = m_pem;
    in.address = QStringLiteral(" 192.0.2.10 ");
    in.method = QStringLiteral("manual");
    in.jiraSite = QStringLiteral("ACME.atlassian.net/");
    in.jiraEmail = QStringLiteral(" admin@acme.example ");
    in.timeoutSeconds = 2.5;
    QString error;
    const auto o = buildRunOptions(in, &error);
    QVERIFY2(o, qPrintable(error));
    QCOMPARE(o->publicUrl, in.publicUrl);
    QCOMPARE(o->method, QStringLiteral("manual"));
    QCOMPARE(o->jiraSite, QStringLiteral("https://acme.atlassian.net"));
    QCOMPARE(o->jiraEmail, QStringLiteral("admin@acme.example"));
    QCOMPARE(o->probeTimeoutMs, 2500);
    QCOMPARE(o->extraCaCertificates.size(), 1);
    QCOMPARE(o->extraCaCertificates.constFirst().subjectInfo(QSslCertificate::CommonName).value(0),
             QSslCertificate::fromPath(gjd::test::pki(QStringLiteral("root.pem")))
                 .constFirst()
                 .subjectInfo(QSslCertificate::CommonName)
                 .value(0));
    QCOMPARE(o->extraCaSource, m_pem);
    // The address stands for the instance's host and port, and the public URL's.
    QCOMPARE(o->resolve.size(), 2);
    QCOMPARE(o->resolve.at(0).host, QStringLiteral("gitlab.example.com"));
    QCOMPARE(o->resolve.at(0).port, quint16(8443));
    QCOMPARE(o->resolve.at(0).addresses, QList<QHostAddress>{QHostAddress(QStringLiteral("192.0.2.10"))});
    QCOMPARE(o->resolve.at(1).host, QStringLiteral("jira-facing.example.com"));
    QCOMPARE(o->resolve.at(1).port, quint16(443));
}

void TestConnectionInput::refuses_data()
{
    QTest::addColumn<QString>("field"); // which field gets `value`
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("prefix"); // how the error starts: the field's name

    QTest::newRow("empty URL") << "url"
                               << "  "
                               << "Instance URL:";
    QTest::newRow("URL with another scheme") << "url"
                                             << "ftp://gitlab.example.com"
                                             << "Instance URL:";
    QTest::newRow("public URL") << "publicUrl"
                                << "ftp://proxy.example.com"
                                << "Public URL:";
    QTest::newRow("address: a name") << "address"
                                     << "not-an-ip"
                                     << "Connect to address:";
    QTest::newRow("address: short IPv4 form") << "address"
                                              << "10.1"
                                              << "Connect to address:";
    QTest::newRow("address: one of two bad") << "address"
                                             << "192.0.2.1,192.0.2"
                                             << "Connect to address:";
    QTest::newRow("method unknown") << "method"
                                    << "bogus"
                                    << "Installation method:";
    QTest::newRow("Jira site without email") << "jiraSite"
                                             << "https://acme.atlassian.net"
                                             << "The Jira checks need both";
    QTest::newRow("Jira email without site") << "jiraEmail"
                                             << "admin@acme.example"
                                             << "The Jira checks need both";
    QTest::newRow("timeout too long") << "timeout"
                                      << "601"
                                      << "Timeout per probe:";
    QTest::newRow("timeout negative") << "timeout"
                                      << "-1"
                                      << "Timeout per probe:";
    QTest::newRow("timeout NaN") << "timeout"
                                 << "nan"
                                 << "Timeout per probe:";
}

void TestConnectionInput::refuses()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, prefix);
    ConnectionInput in = at(QStringLiteral("https://gitlab.example.com"));
    if (field == QLatin1String("url"))
        in.url = value;
    else if (field == QLatin1String("publicUrl"))
        in.publicUrl = value;
    else if (field == QLatin1String("address"))
        in.address = value;
    else if (field == QLatin1String("method"))
        in.method = value;
    else if (field == QLatin1String("jiraSite"))
        in.jiraSite = value;
    else if (field == QLatin1String("jiraEmail"))
        in.jiraEmail = value;
    else if (field == QLatin1String("timeout"))
        in.timeoutSeconds = value == QLatin1String("nan") ? std::nan("") : value.toDouble();
    QString error;
    QVERIFY(!buildRunOptions(in, &error));
    QVERIFY2(error.startsWith(prefix), qPrintable(error));
    // Without a place for the error, still refused.
    QVERIFY(!buildRunOptions(in, nullptr));
}

void TestConnectionInput::caFiles_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("says"); // a part of the error; empty: accepted

    QTest::newRow("a PEM") << m_pem << QString();
    QTest::newRow("missing") << m_dir.filePath(QStringLiteral("missing.pem")) << "Cannot read";
    QTest::newRow("a folder") << m_folder << "is a folder";
    QTest::newRow("/dev/zero") << "/dev/zero"
                               << "not a regular file";
    QTest::newRow("a FIFO") << m_fifo << "not a regular file";
    QTest::newRow("no certificate") << m_notPem << "contains no PEM certificate";
}

void TestConnectionInput::caFiles()
{
    QFETCH(QString, path);
    QFETCH(QString, says);
    ConnectionInput in = at(QStringLiteral("https://gitlab.example.com"));
    in.caFile = path;
    QString error;
    QElapsedTimer timer;
    timer.start();
    const auto o = buildRunOptions(in, &error);
    // A FIFO nobody writes to or an endless device must not hold the form up.
    QVERIFY(timer.elapsed() < 5000);
    if (says.isEmpty()) {
        QVERIFY2(o, qPrintable(error));
        QVERIFY(!o->extraCaCertificates.isEmpty());
        return;
    }
    QVERIFY(!o);
    QVERIFY2(error.startsWith(QLatin1String("Private CA file:")), qPrintable(error));
    QVERIFY2(error.contains(says), qPrintable(error));
    QVERIFY2(error.contains(QFileInfo(path).fileName()), qPrintable(error));
}

void TestConnectionInput::sameTarget_data()
{
    QTest::addColumn<QString>("urlA");
    QTest::addColumn<QString>("urlB");
    QTest::addColumn<QString>("addressB");
    QTest::addColumn<double>("timeoutB");
    QTest::addColumn<bool>("same");

    QTest::newRow("spelled differently") << "gitlab.example.com"
                                         << " https://GitLab.example.com/ "
                                         << "" << 0.0 << true;
    QTest::newRow("another timeout") << "https://gitlab.example.com"
                                     << "https://gitlab.example.com"
                                     << "" << 30.0 << true;
    QTest::newRow("another host") << "https://gitlab.example.com"
                                  << "https://gitlab.example.org"
                                  << "" << 0.0 << false;
    QTest::newRow("another port") << "https://gitlab.example.com"
                                  << "https://gitlab.example.com:8443"
                                  << "" << 0.0 << false;
    QTest::newRow("another address") << "https://gitlab.example.com"
                                     << "https://gitlab.example.com"
                                     << "192.0.2.1" << 0.0 << false;
}

void TestConnectionInput::sameTarget()
{
    QFETCH(QString, urlA);
    QFETCH(QString, urlB);
    QFETCH(QString, addressB);
    QFETCH(double, timeoutB);
    QFETCH(bool, same);
    ConnectionInput b = at(urlB);
    b.address = addressB;
    b.timeoutSeconds = timeoutB;
    QCOMPARE(gjd::sameTarget(at(urlA), b), same);
    QCOMPARE(gjd::sameTarget(b, at(urlA)), same);
}

// The forms are the desktop program's: a run from them names its fields, never the CLI's flags
// and variables; the CLI's own runs keep them.
void TestConnectionInput::textsNameTheWindowsFields()
{
    gjd::ConnectionInput in;
    in.url = QStringLiteral("https://gitlab.example.com");
    const auto o = gjd::buildRunOptions(in, nullptr);
    QVERIFY(o);
    QCOMPARE(o->frontend, gjd::Frontend::Desktop);
    QCOMPARE(gjd::RunOptions{}.frontend, gjd::Frontend::Cli);
    for (auto control :
         {gjd::Control::CaFile, gjd::Control::GitLabToken, gjd::Control::JiraUser, gjd::Control::JiraToken,
          gjd::Control::Address, gjd::Control::SetupTool, gjd::Control::SetupToolMarketplace}) {
        const QString window = gjd::ControlNames::name(gjd::Frontend::Desktop, control);
        const QString cli = gjd::ControlNames::name(gjd::Frontend::Cli, control);
        QVERIFY(!window.isEmpty() && !cli.isEmpty() && window != cli);
        for (const char* flag : {"--", "GITLAB_TOKEN", "JIRA_API_TOKEN", "gitlab-jira-doctor-cli"})
            QVERIFY2(!window.contains(QLatin1String(flag)), qPrintable(window));
    }
    QCOMPARE(gjd::ControlNames::name(gjd::Frontend::Cli, gjd::Control::CaFile), QStringLiteral("--ca-file"));
}

QTEST_GUILESS_MAIN(TestConnectionInput)
#include "tst_connectioninput.moc"
