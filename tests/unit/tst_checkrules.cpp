// SPDX-License-Identifier: GPL-3.0-or-later
// The rules of single checks, called directly: a RunContext built by hand (the served chain from
// the test PKI, tests/support/make-pki.sh; what the TLS probe would have recorded), then the
// check's evaluate() from the catalogue. No network, no runner: what a check decides from what
// it is given, including whom it says refuses it (evidence.consumers, checks.md).
#include "checks/check.h"
#include "checks/platformcommon.h"
#include "clock.h"
#include "runcontext.h"
#include "testpki.h"
#include "tls/chainanalysis.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <functional>

using namespace gjd;

namespace {

// The server's ephemeral DHE key (SubjectPublicKeyInfo DER) for the group in a PKI parameter file.
QByteArray dhPublicKeyFor(const QString& parametersFile)
{
    const QByteArray pem = test::readPki(parametersFile);
    BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY* parameters = PEM_read_bio_Parameters(bio, nullptr);
    BIO_free(bio);
    if (!parameters)
        return {};
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, parameters, nullptr);
    EVP_PKEY* key = nullptr;
    QByteArray der;
    // A composite modulus cannot be checked here: key generation does not test the group.
    if (ctx && EVP_PKEY_keygen_init(ctx) == 1 && EVP_PKEY_keygen(ctx, &key) == 1) {
        unsigned char* out = nullptr;
        const int length = i2d_PUBKEY(key, &out);
        if (length > 0)
            der = QByteArray(reinterpret_cast<const char*>(out), length);
        OPENSSL_free(out);
    }
    EVP_PKEY_free(key);
    EVP_PKEY_CTX_free(ctx);
    EVP_PKEY_free(parameters);
    return der;
}

// A context as the runner leaves it after a TLS 1.3 handshake with ECDHE that served `bundle`.
RunContext servedContext(const QString& bundle, const QString& host = QStringLiteral("gitlab.test"))
{
    RunContext ctx;
    ctx.url = InstanceUrl::parse(QStringLiteral("https://%1").arg(host));
    ctx.method = Method::Marketplace;
    ctx.now = Clock::nowUtc();
    TlsResult tls;
    tls.connected = true;
    tls.handshakeOk = true;
    tls.protocol = QStringLiteral("TLSv1.3");
    tls.cipher = QStringLiteral("TLS_AES_128_GCM_SHA256");
    tls.keyExchange = QStringLiteral("ECDH");
    tls.ephemeralKeyBits = 253;
    tls.chain = QSslCertificate::fromData(test::readPki(bundle + QStringLiteral(".pem")));
    tls.servedCount = int(tls.chain.size());
    for (const QSslCertificate& c : std::as_const(tls.chain))
        tls.servedSizes.append(int(c.toDer().size()));
    ctx.tls = tls;
    ctx.chain = ChainAnalysis::analyze(
        tls.chain, QSslCertificate::fromData(test::readPki(QStringLiteral("trust.pem"))), {});
    return ctx;
}

// The same with TLS 1.2 and DHE in the group of `parametersFile`.
RunContext dheContext(const QString& parametersFile)
{
    RunContext ctx = servedContext(QStringLiteral("full-rsa"));
    ctx.tls->protocol = QStringLiteral("TLSv1.2");
    ctx.tls->cipher = QStringLiteral("DHE-RSA-AES128-GCM-SHA256");
    ctx.tls->keyExchange = QStringLiteral("DH");
    ctx.tls->ephemeralKeyDer = dhPublicKeyFor(parametersFile);
    ctx.tls->ephemeralKeyBits = inspectDhGroup(ctx.tls->ephemeralKeyDer).bits;
    return ctx;
}

// A context for the network checks: `url`, and what DNS answered.
RunContext resolvedContext(const QString& url, const QList<QHostAddress>& addresses,
                           Method method = Method::Marketplace)
{
    RunContext ctx;
    ctx.url = InstanceUrl::parse(url);
    ctx.method = method;
    ctx.now = Clock::nowUtc();
    DnsResult dns;
    dns.ok = !addresses.isEmpty();
    dns.addresses = addresses;
    dns.literalAddress = !ctx.url.host().isEmpty() && !QHostAddress(ctx.url.host()).isNull();
    ctx.dns = dns;
    return ctx;
}

// The same after TCP connections to each address, each with the outcome given ("" = connected).
RunContext connectedContext(const QList<std::pair<QHostAddress, QString>>& attempts)
{
    QList<QHostAddress> addresses;
    for (const auto& attempt : attempts)
        addresses.append(attempt.first);
    RunContext ctx = resolvedContext(QStringLiteral("https://gitlab.example.com"), addresses);
    TcpResult tcp;
    for (const auto& [address, error] : attempts) {
        TcpAttempt a;
        a.address = address;
        a.connected = error.isEmpty();
        a.errorCode = error;
        a.error = error.isEmpty() ? QString() : QStringLiteral("%1: %2").arg(address.toString(), error);
        a.durationMs = 12;
        tcp.attempts.append(a);
    }
    ctx.tcp = tcp;
    return ctx;
}

const QHostAddress kDocumentation(QStringLiteral("203.0.113.10")); // TEST-NET-3: not routable
const QHostAddress kGlobal(QStringLiteral("8.8.8.8"));
const QHostAddress kPrivate(QStringLiteral("10.1.2.3"));

struct Case
{
    const char* tag;
    const char* check;
    std::function<RunContext()> context;
    Status status;
    const char* gitlabCom; // evidence.consumers, or nullptr: none
    const char* jiraCloud;
    const char* pattern; // in summary + remedy, case-insensitive; empty: anything
};

const QList<Case>& cases()
{
    static const QList<Case> all = {
        // tls.leaf.purpose
        {"purpose: server leaf", "tls.leaf.purpose", [] { return servedContext(QStringLiteral("full")); },
         Status::Pass, nullptr, nullptr, ""},
        {"purpose: clientAuth only", "tls.leaf.purpose",
         [] { return servedContext(QStringLiteral("eku-client")); }, Status::Fail, "reject", "reject",
         "does not include serverAuth"},
        {"purpose: keyCertSign only", "tls.leaf.purpose",
         [] { return servedContext(QStringLiteral("ku-certsign")); }, Status::Fail, "reject", "reject",
         "keyCertSign.*does not include digitalSignature"},
        {"purpose: CA:TRUE with server usages", "tls.leaf.purpose",
         [] { return servedContext(QStringLiteral("leaf-ca")); }, Status::Warn, "accept", "accept",
         "CA:TRUE"},
        {"purpose: an intermediate served first", "tls.leaf.purpose",
         [] { return servedContext(QStringLiteral("inter-first")); }, Status::Fail, "reject", "reject",
         "put the leaf first"},
        // tls.key_exchange
        {"kx: ECDHE", "tls.key_exchange", [] { return servedContext(QStringLiteral("full")); }, Status::Pass,
         nullptr, nullptr, "ECDHE"},
        {"kx: ffdhe2048", "tls.key_exchange", [] { return dheContext(QStringLiteral("ffdhe2048.pem")); },
         Status::Pass, nullptr, nullptr, "2048-bit group"},
        {"kx: DHE 1024", "tls.key_exchange", [] { return dheContext(QStringLiteral("dh1024.pem")); },
         Status::Fail, "reject", "accept", "1024 bits.*ssl_dhparam"},
        {"kx: composite 2047", "tls.key_exchange",
         [] { return dheContext(QStringLiteral("dh-composite.pem")); }, Status::Fail, "reject", "reject",
         "2047 bits.*multiple of 64"},
        {"kx: composite 2048", "tls.key_exchange",
         [] { return dheContext(QStringLiteral("dh-composite-2048.pem")); }, Status::Fail, "accept", "accept",
         "not a prime"},
        // tls.handshake_size
        {"size: a normal chain", "tls.handshake_size", [] { return servedContext(QStringLiteral("full")); },
         Status::Pass, nullptr, nullptr, ""},
        {"size: 40 KiB, marketplace", "tls.handshake_size",
         [] { return servedContext(QStringLiteral("big-40k")); }, Status::Warn, "accept", "reject",
         "32768 bytes.*CN=gitlab.test alone"},
        {"size: 40 KiB, manual", "tls.handshake_size",
         [] {
             RunContext ctx = servedContext(QStringLiteral("big-40k"));
             ctx.method = Method::Manual;
             return ctx;
         },
         Status::Fail, "accept", "reject", "32768 bytes"},
        {"size: over OpenSSL's limit", "tls.handshake_size",
         [] {
             RunContext ctx = servedContext(QStringLiteral("full"));
             ctx.tls->handshakeOk = false;
             ctx.tls->errorCode = QStringLiteral("chain-too-large");
             return ctx;
         },
         Status::Fail, "reject", "reject", "100 KiB.*thousands"},
        {"size: another handshake failure", "tls.handshake_size",
         [] {
             RunContext ctx = servedContext(QStringLiteral("full"));
             ctx.tls->handshakeOk = false;
             ctx.tls->errorCode = QStringLiteral("handshake");
             return ctx;
         },
         Status::Skip, nullptr, nullptr, "tls.handshake"},
        // tls.client_certificate
        {"client certificate: not asked", "tls.client_certificate",
         [] { return servedContext(QStringLiteral("full")); }, Status::Pass, nullptr, nullptr, ""},
        {"client certificate: nginx's 400", "tls.client_certificate",
         [] {
             RunContext ctx = servedContext(QStringLiteral("full"));
             ctx.tls->clientCertificateRequired = true;
             ctx.tls->clientCertificateSignal = QStringLiteral("first answer: 400");
             return ctx;
         },
         Status::Fail, "reject", "reject", "first answer: 400.*ssl_verify_client off"},
        // tls.crypto: who refuses what
        {"crypto: RSA 1024", "tls.crypto", [] { return servedContext(QStringLiteral("rsa1024")); },
         Status::Fail, "reject", "accept", "1024-bit RSA.*at least 2048"},
        {"crypto: SHA-1", "tls.crypto", [] { return servedContext(QStringLiteral("sha1")); }, Status::Fail,
         "reject", "unknown", "SHA-?1.*SHA-256"},
        // input.url
        {"url: an https URL", "input.url",
         [] { return resolvedContext(QStringLiteral("https://gitlab.example.com"), {}); }, Status::Pass,
         nullptr, nullptr, ""},
        {"url: a trailing slash", "input.url",
         [] { return resolvedContext(QStringLiteral("https://gitlab.example.com/"), {}); }, Status::Warn,
         nullptr, nullptr, "trailing slash.*rejects"},
        {"url: not a URL", "input.url", [] { return resolvedContext(QStringLiteral("gitlab example"), {}); },
         Status::Fail, nullptr, nullptr, "https://gitlab.example.com"},
        // dns.public
        {"dns: a public address", "dns.public",
         [] { return resolvedContext(QStringLiteral("https://gitlab.example.com"), {kGlobal}); },
         Status::Pass, nullptr, nullptr, "publicly routable"},
        {"dns: a private address", "dns.public",
         [] {
             return resolvedContext(QStringLiteral("https://gitlab.example.com"), {kGlobal, kPrivate});
         },
         Status::Warn, nullptr, nullptr, "10\\.1\\.2\\.3.*cannot reach.*public address"},
        {"dns: a documentation address", "dns.public",
         [] { return resolvedContext(QStringLiteral("https://gitlab.example.com"), {kDocumentation}); },
         Status::Warn, nullptr, nullptr, "203\\.0\\.113\\.10"},
        {"dns: an address URL", "dns.public",
         [] { return resolvedContext(QStringLiteral("https://10.1.2.3"), {kPrivate}); }, Status::Warn,
         nullptr, nullptr, "host name resolves to a public address"},
        // tcp.connect
        {"tcp: every address connects", "tcp.connect",
         [] {
             return connectedContext({{kGlobal, QString()}});
         },
         Status::Pass, nullptr, nullptr, "port 443"},
        {"tcp: dropped (timeout)", "tcp.connect",
         [] {
             return connectedContext({{kGlobal, QStringLiteral("timeout")}});
         },
         Status::Fail, nullptr, nullptr, "firewall drops.*34\\.74\\.90\\.64/28"},
        {"tcp: refused", "tcp.connect",
         [] {
             return connectedContext({{kGlobal, QStringLiteral("refused")}});
         },
         Status::Fail, nullptr, nullptr, "listen on port 443"},
        {"tcp: one of two addresses fails", "tcp.connect",
         [] {
             return connectedContext({{kGlobal, QString()}, {kPrivate, QStringLiteral("refused")}});
         },
         Status::Warn, nullptr, nullptr, ""},
        // port.allowed
        {"port: 443", "port.allowed",
         [] { return resolvedContext(QStringLiteral("https://gitlab.example.com"), {}); }, Status::Pass,
         nullptr, nullptr, "443"},
        {"port: 8443, marketplace", "port.allowed",
         [] { return resolvedContext(QStringLiteral("https://gitlab.example.com:8443"), {}); }, Status::Warn,
         nullptr, nullptr, "8443.*manual install would be refused.*reverse proxy listening on 443"},
        {"port: 8443, manual", "port.allowed",
         [] {
             return resolvedContext(QStringLiteral("https://gitlab.example.com:8443"), {}, Method::Manual);
         },
         Status::Fail, nullptr, nullptr, "only from those ports"},
        // tls.hostname
        {"hostname: an address URL", "tls.hostname",
         [] { return servedContext(QStringLiteral("full"), QStringLiteral("127.0.0.1")); }, Status::Fail,
         "reject", "reject", "IP-address Subject Alternative Name"},
        {"hostname: a wildcard only where one fits", "tls.hostname",
         [] { return servedContext(QStringLiteral("full"), QStringLiteral("git.example.com")); },
         Status::Fail, "reject", "reject", "\\*\\.example\\.com"},
    };
    return all;
}

} // namespace

class TestCheckRules final : public QObject
{
    Q_OBJECT

private slots:
    void rule_data();
    void rule();
    void everyCheckIsInTheTable();
    void installTypeChecksReadItsProbes();
};

void TestCheckRules::rule_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < cases().size(); ++i)
        QTest::newRow(cases().at(i).tag) << i;
}

void TestCheckRules::rule()
{
    QFETCH(int, index);
    const Case& c = cases().at(index);
    const Check* check = findCheck(QLatin1String(c.check));
    QVERIFY2(check, c.check);
    const RunContext ctx = c.context();
    Finding f;
    f.id = check->id();
    check->evaluate(ctx, f);
    const QString text = f.summary + QLatin1Char('\n') + f.remedy;
    QVERIFY2(f.status == c.status, qPrintable(QStringLiteral("status %1: %2").arg(int(f.status)).arg(text)));
    QVERIFY2(!f.summary.isEmpty(), "no summary");
    if (f.status == Status::Warn || f.status == Status::Fail)
        QVERIFY2(!f.remedy.isEmpty(), qPrintable(text));
    const QRegularExpression pattern(QLatin1String(c.pattern),
                                     QRegularExpression::CaseInsensitiveOption |
                                         QRegularExpression::DotMatchesEverythingOption);
    QVERIFY2(pattern.match(text).hasMatch(),
             qPrintable(QStringLiteral("/%1/ not in: %2").arg(pattern.pattern(), text)));
    const QJsonObject consumers = f.evidence.value(QStringLiteral("consumers")).toObject();
    if (!c.gitlabCom) {
        QVERIFY2(consumers.isEmpty(), qPrintable(text));
    } else {
        QCOMPARE(consumers.value(QStringLiteral("gitlab_com")).toString(), QLatin1String(c.gitlabCom));
        QCOMPARE(consumers.value(QStringLiteral("jira_cloud")).toString(), QLatin1String(c.jiraCloud));
    }
}

// Every catalogue row has an id, a category, a title and an evaluate function, and no row is met
// by tests of its own alone: the rules above cover the network checks and the four new TLS checks.
void TestCheckRules::everyCheckIsInTheTable()
{
    QStringList ids;
    for (const auto& check : catalogue()) {
        QVERIFY(!check->id().isEmpty());
        QVERIFY2(Categories::ids().contains(check->category()), qPrintable(check->id()));
        QVERIFY2(!check->title().isEmpty(), qPrintable(check->id()));
        QVERIFY2(!check->methods().isEmpty(), qPrintable(check->id()));
        ids.append(check->id());
    }
    QCOMPARE(ids.size(), 49);
    QVERIFY2(catalogueProblems(catalogue()).isEmpty(),
             qPrintable(catalogueProblems(catalogue()).join(u'\n')));
    for (const Case& c : cases())
        QVERIFY2(ids.contains(QLatin1String(c.check)), c.check);
}

// The checks that decide on the install type (InstallTypes::decide) must wait for what it reads:
// their rows list installTypeProbes() (checks/platformcommon.h).
void TestCheckRules::installTypeChecksReadItsProbes()
{
    for (const char* id : {"platform.install_type", "platform.connect_eol", "forge.app_id",
                           "forge.installation_endpoint", "manual.forge_network"}) {
        const Check* check = findCheck(QLatin1String(id));
        QVERIFY2(check, id);
        for (const QString& probe : platformcommon::installTypeProbes())
            QVERIFY2(check->probes().contains(probe),
                     qPrintable(QStringLiteral("%1 lacks %2").arg(QLatin1String(id), probe)));
        QVERIFY2(check->probesOptional(), id);
    }
}

QTEST_GUILESS_MAIN(TestCheckRules)
#include "tst_checkrules.moc"
