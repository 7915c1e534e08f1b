// SPDX-License-Identifier: GPL-3.0-or-later
#include "instanceurl.h"
#include "runcontext.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace gjd;

class TestInstanceUrl final : public QObject
{
    Q_OBJECT

private slots:
    void addressesForUrls_data();
    void addressesForUrls();
    void pemBundles();
    void resolveTakesOnlyWhatItShows();
    void normalises_data();
    void normalises();
    void rejects_data();
    void rejects();
};

void TestInstanceUrl::normalises_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("notes"); // note codes, in order
    QTest::addColumn<int>("worst");         // 0 none, 1 info, 2 warn

    QTest::newRow("plain") << "https://gitlab.example.com"
                           << "https://gitlab.example.com"
                           << "gitlab.example.com" << 443 << "" << QStringList{} << 0;
    QTest::newRow("uppercase host") << "https://GitLab.Example.COM"
                                    << "https://gitlab.example.com"
                                    << "gitlab.example.com" << 443 << "" << QStringList{} << 0;
    QTest::newRow("surrounding spaces") << "  https://gitlab.example.com  "
                                        << "https://gitlab.example.com"
                                        << "gitlab.example.com" << 443 << "" << QStringList{} << 0;
    QTest::newRow("trailing slash") << "https://gitlab.example.com/"
                                    << "https://gitlab.example.com"
                                    << "gitlab.example.com" << 443 << "" << QStringList{"trailing-slash"}
                                    << 2;
    QTest::newRow("several trailing slashes")
        << "https://gitlab.example.com///"
        << "https://gitlab.example.com"
        << "gitlab.example.com" << 443 << "" << QStringList{"trailing-slash"} << 2;
    QTest::newRow("http given") << "http://gitlab.example.com"
                                << "https://gitlab.example.com"
                                << "gitlab.example.com" << 443 << "" << QStringList{"http-given"} << 2;
    QTest::newRow("http with port 80") << "http://gitlab.example.com:80"
                                       << "https://gitlab.example.com"
                                       << "gitlab.example.com" << 443 << "" << QStringList{"http-given"} << 2;
    QTest::newRow("no scheme") << "gitlab.example.com"
                               << "https://gitlab.example.com"
                               << "gitlab.example.com" << 443 << "" << QStringList{"scheme-added"} << 1;
    QTest::newRow("no scheme with port")
        << "gitlab.example.com:8443"
        << "https://gitlab.example.com:8443"
        << "gitlab.example.com" << 8443 << "" << QStringList{"scheme-added"} << 1;
    QTest::newRow("default port dropped") << "https://gitlab.example.com:443"
                                          << "https://gitlab.example.com"
                                          << "gitlab.example.com" << 443 << "" << QStringList{} << 0;
    QTest::newRow("other port kept") << "https://gitlab.example.com:8443"
                                     << "https://gitlab.example.com:8443"
                                     << "gitlab.example.com" << 8443 << "" << QStringList{} << 0;
    QTest::newRow("relative root") << "https://example.com/gitlab"
                                   << "https://example.com/gitlab"
                                   << "example.com" << 443 << "/gitlab" << QStringList{"relative-root"} << 1;
    QTest::newRow("relative root, slash")
        << "https://example.com/gitlab/"
        << "https://example.com/gitlab"
        << "example.com" << 443 << "/gitlab" << QStringList{"trailing-slash", "relative-root"} << 2;
    QTest::newRow("nested root, dot segments")
        << "https://example.com/a/./b/../gitlab"
        << "https://example.com/a/gitlab"
        << "example.com" << 443 << "/a/gitlab" << QStringList{"relative-root"} << 1;
    QTest::newRow("double slashes") << "https://example.com//gitlab"
                                    << "https://example.com/gitlab"
                                    << "example.com" << 443 << "/gitlab" << QStringList{"relative-root"} << 1;
    QTest::newRow("sign-in page pasted")
        << "https://gitlab.example.com/users/sign_in"
        << "https://gitlab.example.com"
        << "gitlab.example.com" << 443 << "" << QStringList{"page-path"} << 1;
    QTest::newRow("descriptor pasted under root")
        << "https://example.com/gitlab/-/jira_connect/app_descriptor.json"
        << "https://example.com/gitlab"
        << "example.com" << 443 << "/gitlab" << QStringList{"page-path", "relative-root"} << 1;
    QTest::newRow("admin page") << "https://gitlab.example.com/admin/application_settings/general"
                                << "https://gitlab.example.com"
                                << "gitlab.example.com" << 443 << "" << QStringList{"page-path"} << 1;
    QTest::newRow("root named like a page prefix")
        << "https://example.com/administration"
        << "https://example.com/administration"
        << "example.com" << 443 << "/administration" << QStringList{"relative-root"} << 1;
    QTest::newRow("IDN") << "https://bücher.example"
                         << "https://xn--bcher-kva.example"
                         << "xn--bcher-kva.example" << 443 << "" << QStringList{"idn"} << 1;
    QTest::newRow("trailing dot") << "https://gitlab.example.com."
                                  << "https://gitlab.example.com"
                                  << "gitlab.example.com" << 443 << "" << QStringList{"trailing-dot"} << 1;
    QTest::newRow("IPv4") << "https://203.0.113.7"
                          << "https://203.0.113.7"
                          << "203.0.113.7" << 443 << "" << QStringList{} << 0;
    QTest::newRow("IPv6 with port") << "https://[2001:db8::1]:8443"
                                    << "https://[2001:db8::1]:8443"
                                    << "2001:db8::1" << 8443 << "" << QStringList{} << 0;
    QTest::newRow("percent-encoded root")
        << "https://example.com/git%20lab"
        << "https://example.com/git%20lab"
        << "example.com" << 443 << "/git%20lab" << QStringList{"relative-root"} << 1;
}

void TestInstanceUrl::normalises()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, path);
    QFETCH(QStringList, notes);
    QFETCH(int, worst);

    const InstanceUrl url = InstanceUrl::parse(input);
    QVERIFY2(url.isValid(), qPrintable(url.error()));
    QCOMPARE(url.toString(), expected);
    QCOMPARE(url.host(), host);
    QCOMPARE(int(url.port()), port);
    QCOMPARE(url.path(), path);
    QStringList codes;
    int seenWorst = 0;
    for (const auto& n : url.notes()) {
        codes.append(n.code);
        QVERIFY(!n.text.isEmpty());
        seenWorst = std::max(seenWorst, n.status == Status::Warn ? 2 : 1);
    }
    QCOMPARE(codes, notes);
    QCOMPARE(seenWorst, worst);
    QVERIFY(url.toUrl().isValid());
}

void TestInstanceUrl::rejects_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");

    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("blank") << "   "
                           << "empty";
    QTest::newRow("ftp") << "ftp://gitlab.example.com"
                         << "bad-scheme";
    QTest::newRow("ssh scp-like") << "git@gitlab.example.com:group/project.git"
                                  << "userinfo";
    QTest::newRow("mailto") << "mailto:admin@example.com"
                            << "bad-scheme";
    QTest::newRow("javascript") << "javascript:alert(1)"
                                << "bad-scheme";
    QTest::newRow("userinfo") << "https://root:secret@gitlab.example.com"
                              << "userinfo";
    QTest::newRow("user only") << "https://root@gitlab.example.com"
                               << "userinfo";
    QTest::newRow("query") << "https://gitlab.example.com/?x=1"
                           << "query";
    QTest::newRow("fragment") << "https://gitlab.example.com/#top"
                              << "fragment";
    QTest::newRow("no host") << "https://"
                             << "no-host";
    QTest::newRow("path only") << "https:///gitlab"
                               << "no-host";
    QTest::newRow("space in host") << "https://git lab.example.com"
                                   << "whitespace";
    QTest::newRow("control character") << QStringLiteral("https://gitlab.example.com\t/x") << "whitespace";
    QTest::newRow("bad host characters") << "https://gitlab!.example.com"
                                         << "malformed";
    QTest::newRow("label too long")
        << QStringLiteral("https://%1.example.com").arg(QString(64, QLatin1Char('a'))) << "malformed";
    QTest::newRow("port 0") << "https://gitlab.example.com:0"
                            << "bad-port";
    QTest::newRow("port too big") << "https://gitlab.example.com:70000"
                                  << "malformed";
    QTest::newRow("port not a number") << "https://gitlab.example.com:https"
                                       << "malformed";
    QTest::newRow("garbage") << "::::"
                             << "malformed";
    QTest::newRow("relative path") << "/gitlab"
                                   << "no-host";
}

void TestInstanceUrl::rejects()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    const InstanceUrl url = InstanceUrl::parse(input);
    QVERIFY2(!url.isValid(), qPrintable(url.toString()));
    QCOMPARE(url.errorCode(), code);
    QVERIFY(!url.error().isEmpty());
    QVERIFY(!url.error().contains(QLatin1Char('\n')));
    QVERIFY(url.toString().isEmpty());
}

// The desktop program's "Connect to address": the addresses for every valid URL's host and port.
void TestInstanceUrl::addressesForUrls_data()
{
    QTest::addColumn<QStringList>("urls");
    QTest::addColumn<QString>("addresses");
    QTest::addColumn<QStringList>("expected"); // host:port=address,address; empty + error: refused
    QTest::addColumn<bool>("ok");
    QTest::newRow("instance and public URL")
        << QStringList{"https://gitlab.example.com", "https://jira-gw.example.com:8443/gitlab"}
        << "203.0.113.7"
        << QStringList{"gitlab.example.com:443=203.0.113.7", "jira-gw.example.com:8443=203.0.113.7"} << true;
    QTest::newRow("several, v6 in brackets")
        << QStringList{"https://GitLab.Example.com/"} << " 10.0.0.1, [2001:db8::1] "
        << QStringList{"gitlab.example.com:443=10.0.0.1,2001:db8::1"} << true;
    QTest::newRow("empty and invalid URLs are skipped")
        << QStringList{"", "ftp://x"} << "127.0.0.1" << QStringList{} << true;
    QTest::newRow("a host name is no address")
        << QStringList{"https://gitlab.example.com"} << "gitlab.internal" << QStringList{} << false;
    QTest::newRow("one bad in a list")
        << QStringList{"https://gitlab.example.com"} << "127.0.0.1,300.1.1.1" << QStringList{} << false;
}

void TestInstanceUrl::addressesForUrls()
{
    QFETCH(QStringList, urls);
    QFETCH(QString, addresses);
    QFETCH(QStringList, expected);
    QFETCH(bool, ok);
    QString error;
    const auto overrides = gjd::ResolveOverride::forUrls(urls, addresses, &error);
    QCOMPARE(overrides.has_value(), ok);
    if (!ok) {
        QVERIFY(error.contains(addresses.trimmed()));
        return;
    }
    QStringList got;
    for (const auto& o : *overrides) {
        QStringList list;
        for (const QHostAddress& a : o.addresses)
            list.append(a.toString());
        got.append(QStringLiteral("%1:%2=%3").arg(o.host).arg(o.port).arg(list.join(QLatin1Char(','))));
    }
    QCOMPARE(got, expected);
}

void TestInstanceUrl::pemBundles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&dir](const char* name, const QByteArray& bytes) {
        QFile f(dir.filePath(QLatin1String(name)));
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return f.fileName();
    };
    QString error;
    QVERIFY(!gjd::readPemBundle(dir.filePath(QStringLiteral("missing.pem")), &error));
    QVERIFY2(error.startsWith(QLatin1String("Cannot read")), qPrintable(error));
    QVERIFY(!gjd::readPemBundle(write("text.pem", "not a certificate\n"), &error));
    QVERIFY2(error.contains(QLatin1String("contains no PEM certificate")), qPrintable(error));
    QVERIFY(!gjd::readPemBundle(write("big.pem", QByteArray(16 * 1024 * 1024 + 1, 'A')), &error));
    QVERIFY2(error.contains(QLatin1String("larger than 16 MiB")), qPrintable(error));
    QVERIFY(!gjd::readPemBundle(dir.path(), &error)); // a directory
}

void TestInstanceUrl::resolveTakesOnlyWhatItShows()
{
    // Qt reads "10.1" as 10.0.0.1 and stops at a NUL; a host ending in a number ("203.") is read
    // as an IPv4 address when the normalised URL is parsed again (found by fuzz_url_input).
    QString error;
    QVERIFY(gjd::ResolveOverride::parse(QStringLiteral("gitlab.test:443:127.0.0.1,::1"), &error));
    for (const QString& bad :
         {QStringLiteral("gitlab.test:443:10.1"), QStringLiteral("gitlab.test:443:0x7f.1"),
          QString(QStringLiteral("gitlab.test:443:203.02") + QChar(0) + QStringLiteral(".8")),
          QStringLiteral("gitlab.test:443:1\n2")}) {
        QVERIFY2(!gjd::ResolveOverride::parse(bad, &error), qPrintable(bad));
        QVERIFY2(!error.contains(QLatin1Char('\n')) && !error.contains(QChar(0)), qPrintable(error));
    }
    for (const QString& host :
         {QStringLiteral("https://203."), QStringLiteral("https://203.0."), QStringLiteral("https://1.")}) {
        const gjd::InstanceUrl url = gjd::InstanceUrl::parse(host);
        QVERIFY2(!url.isValid() || gjd::InstanceUrl::parse(url.toString()).toString() == url.toString(),
                 qPrintable(host));
    }
}

QTEST_GUILESS_MAIN(TestInstanceUrl)
#include "tst_instanceurl.moc"
