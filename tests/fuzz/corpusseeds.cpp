// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpusseeds.h"

#include "connect/descriptor.h"
#include "fuzzpki.h"
#include "http/httpexchange.h"
#include "http/httpresponseparser.h"
#include "instanceurl.h"
#include "runcontext.h"
#include "tls/chainanalysis.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>

#include <array>
#include <cstdio>
#include <cstdlib>

namespace gjd::fuzz {

namespace {

[[noreturn]] void badSeed(const char* target, const QString& name, const QString& why)
{
    std::fprintf(stderr, "make_corpus: the %s seed %s %s\n", target, qUtf8Printable(name),
                 qUtf8Printable(why));
    std::exit(1);
}

// ---- http_response: five control bytes (fuzz_http_response.cpp), then the stream -------------------

// Read sizes (fuzz_http_response.cpp): ((b & 63) + 1) << 4 * (b >> 6).
constexpr char kOneRead[] = "\xff\xff\xff\xff";    // 256 KiB reads: the stream in one piece
constexpr char kSmallReads[] = "\x00\x02\x06\x0f"; // 1, 3, 7, 16 bytes
constexpr char kMixedReads[] = "\x3f\x0a\x7f\x00"; // 64, 11, 1024, 1 bytes
constexpr char kHead = 0x01;
constexpr char kCap1KiB = 0x02;
constexpr char kCap100 = 0x04;

QByteArray httpInput(char flags, const char* reads, const QByteArray& stream)
{
    return QByteArray(1, flags) + QByteArray(reads, 4) + stream;
}

QByteArray withLength(const QByteArray& head, const QByteArray& body)
{
    return head + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

Seeds httpResponseSeeds()
{
    using Result = HttpResponseParser::Result;
    struct Seed
    {
        const char* name;
        QByteArray input;
        Result expected;
    };
    const QByteArray json = R"({"id":1,"username":"root","is_admin":true,"name":"Administrator"})";
    const QByteArray gitlabHead = "HTTP/1.1 200 OK\r\n"
                                  "Server: nginx\r\n"
                                  "Date: Wed, 02 Dec 2026 12:00:00 GMT\r\n"
                                  "Content-Type: application/json; charset=utf-8\r\n"
                                  "Connection: close\r\n"
                                  "Vary: Accept-Encoding, Origin\r\n"
                                  "Cache-Control: max-age=0, private, must-revalidate\r\n"
                                  "X-Request-Id: 01JF6Z0Q8G5X0W1V2T3S4R5Q6P\r\n"
                                  "X-Runtime: 0.041\r\n";
    const QByteArray chunked = "HTTP/1.1 200 OK\r\n"
                               "Content-Type: application/json\r\n"
                               "Transfer-Encoding: chunked\r\n"
                               "\r\n"
                               "1a;name=value\r\n"
                               R"({"id":1,"username":"root",)"
                               "\r\n"
                               "12\r\n"
                               R"("is_admin":true}  )"
                               "\r\n"
                               "0\r\n"
                               "X-Checksum: sha256=abc\r\n"
                               "Server-Timing: db;dur=53\r\n"
                               "\r\n";
    QByteArray bareLf = chunked;
    bareLf.replace("\r\n", "\n");
    const QByteArray html = "<!DOCTYPE html>\n<html><head><title>Sign in · GitLab</title></head>\n"
                            "<body><form action=\"/users/sign_in\" method=\"post\"></form></body></html>\n";

    const QList<Seed> seeds{
        {"gitlab-json.http", httpInput(0, kOneRead, withLength(gitlabHead, json)), Result::Complete},
        {"gitlab-json-small-reads.http", httpInput(0, kSmallReads, withLength(gitlabHead, json)),
         Result::Complete},
        {"chunked-trailers.http", httpInput(0, kMixedReads, chunked), Result::Complete},
        {"chunked-small-reads.http", httpInput(0, kSmallReads, chunked), Result::Complete},
        {"chunked-bare-lf.http", httpInput(0, kSmallReads, bareLf), Result::Complete},
        {"chunked-then-more.http", httpInput(kCap100, kMixedReads, chunked + chunked), Result::Complete},
        {"chunked-chunk-over-cap.http",
         httpInput(kCap100, kOneRead,
                   "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n65\r\n" + QByteArray(101, 'x') +
                       "\r\n0\r\n\r\n"),
         Result::Error},
        {"until-close.http",
         httpInput(0, kMixedReads,
                   "HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html),
         Result::Complete},
        {"until-close-over-cap.http",
         httpInput(kCap1KiB, kMixedReads,
                   "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + QByteArray(1100, 'a')),
         Result::Error},
        {"until-close-over-64k.http",
         httpInput(0, kOneRead,
                   "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + QByteArray(66 * 1024, 'b')),
         Result::Error},
        {"content-length-over-cap.http",
         httpInput(kCap100, kOneRead, withLength("HTTP/1.1 200 OK\r\n", QByteArray(200, 'c'))),
         Result::Error},
        {"head.http", httpInput(kHead, kOneRead, "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n"),
         Result::Complete},
        {"continue.http",
         httpInput(
             0, kSmallReads,
             "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n" +
                 withLength("HTTP/1.1 201 Created\r\n", "{}")),
         Result::Complete},
        {"no-content.http",
         httpInput(0, kOneRead, "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\nhello"),
         Result::Complete},
        {"not-modified.http", httpInput(0, kOneRead, "HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n"),
         Result::Complete},
        {"redirect.http",
         httpInput(
             0, kMixedReads,
             withLength("HTTP/1.1 302 Found\r\nLocation: https://gitlab.example.com/users/sign_in\r\n"
                        "Content-Type: text/html; charset=utf-8\r\n",
                        "<html><body>You are being <a href=\"https://gitlab.example.com/users/sign_in\">"
                        "redirected</a>.</body></html>")),
         Result::Complete},
        {"bad-gateway.http",
         httpInput(
             0, kOneRead,
             withLength("HTTP/1.1 502 Bad Gateway\r\nServer: nginx/1.22.1\r\nContent-Type: text/html\r\n",
                        "<html><head><title>502 Bad Gateway</title></head></html>\r\n")),
         Result::Complete},
        {"length-and-chunked.http",
         httpInput(0, kSmallReads,
                   "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: gzip, "
                   "chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"),
         Result::Complete},
        {"two-lengths.http",
         httpInput(0, kOneRead, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 4\r\n\r\nokok"),
         Result::Complete},
        {"short-body.http", httpInput(0, kSmallReads, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort"),
         Result::Error},
        {"closed-in-head.http", httpInput(0, kOneRead, "HTTP/1.1 200 OK\r\nServer: ngi"), Result::Error},
        {"not-http.http", httpInput(0, kOneRead, "SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"), Result::Error},
        {"bad-status.http", httpInput(0, kOneRead, "HTTP/1.1 2x0 OK\r\n\r\n"), Result::Error},
        {"folded-header.http", httpInput(0, kOneRead, "HTTP/1.1 200 OK\r\nX-A: 1\r\n  folded\r\n\r\n"),
         Result::Error},
        {"bad-length.http", httpInput(0, kOneRead, "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n"),
         Result::Error},
        {"bad-chunk-size.http",
         httpInput(0, kOneRead, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
         Result::Error},
        {"chunk-without-crlf.http",
         httpInput(0, kSmallReads,
                   "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n"),
         Result::Error},
        {"empty.http", httpInput(0, kOneRead, QByteArray()), Result::Error},
    };

    Seeds out;
    for (const Seed& seed : seeds) {
        HttpResponseParser::Limits limits;
        limits.headRequest = seed.input.at(0) & 1;
        limits.maxBodyBytes = std::array<qint64, 4>{64 * 1024, 1024, 100, 1}[(seed.input.at(0) >> 1) & 3];
        HttpResponseParser parser(limits);
        parser.feed(seed.input.mid(5));
        if (parser.endOfStream() != seed.expected)
            badSeed("http_response", QString::fromLatin1(seed.name),
                    seed.expected == Result::Complete ? QStringLiteral("is refused: ") + parser.error()
                                                      : QStringLiteral("is accepted"));
        out.append({QString::fromLatin1(seed.name), seed.input});
    }
    return out;
}

// ---- url_input: UTF-8 text ---------------------------------------------------------------------------

Seeds urlInputSeeds()
{
    enum Kind
    {
        ValidUrl,
        InvalidUrl,
        Resolve,  // a valid --resolve
        Addresses // a valid address list
    };
    struct Seed
    {
        const char* name;
        const char* text;
        Kind kind;
    };
    const QList<Seed> seeds{
        {"plain.txt", "https://gitlab.example.com", ValidUrl},
        {"uppercase.txt", "https://GitLab.Example.COM", ValidUrl},
        {"spaces.txt", "  https://gitlab.example.com  ", ValidUrl},
        {"trailing-slashes.txt", "https://gitlab.example.com//", ValidUrl},
        {"http-80.txt", "http://gitlab.example.com:80", ValidUrl},
        {"no-scheme-port.txt", "gitlab.example.com:8443", ValidUrl},
        {"default-port.txt", "https://gitlab.example.com:443", ValidUrl},
        {"relative-root.txt", "https://example.com/gitlab/", ValidUrl},
        {"dot-segments.txt", "https://example.com/a/../tools/./gitlab/", ValidUrl},
        {"double-slashes.txt", "https://example.com//gitlab", ValidUrl},
        {"sign-in-page.txt", "https://gitlab.example.com/users/sign_in", ValidUrl},
        {"descriptor-url.txt", "https://example.com/gitlab/-/jira_connect/app_descriptor.json", ValidUrl},
        {"idn.txt", "https://bücher.example", ValidUrl},
        {"punycode.txt", "https://xn--bcher-kva.example", ValidUrl},
        {"trailing-dot.txt", "https://gitlab.example.com.", ValidUrl},
        {"ipv4.txt", "https://203.0.113.7", ValidUrl},
        {"ipv6-port.txt", "https://[2001:db8::1]:8443", ValidUrl},
        {"percent-root.txt", "https://example.com/git%20lab", ValidUrl},
        {"underscore.txt", "https://git_lab.internal", ValidUrl},
        {"ftp.txt", "ftp://gitlab.example.com", InvalidUrl},
        {"scp.txt", "git@gitlab.example.com:group/project.git", InvalidUrl},
        {"mailto.txt", "mailto:admin@example.com", InvalidUrl},
        {"userinfo.txt", "https://root:secret@gitlab.example.com", InvalidUrl},
        {"query.txt", "https://gitlab.example.com/?x=1", InvalidUrl},
        {"fragment.txt", "https://gitlab.example.com/#top", InvalidUrl},
        {"no-host.txt", "https://", InvalidUrl},
        {"bad-host.txt", "https://gitlab!.example.com", InvalidUrl},
        {"port-0.txt", "https://gitlab.example.com:0", InvalidUrl},
        {"port-too-big.txt", "https://gitlab.example.com:70000", InvalidUrl},
        {"colons.txt", "::::", InvalidUrl},
        {"resolve.txt", "gitlab.example.com:443:203.0.113.7", Resolve},
        {"resolve-v6-list.txt", "gitlab.example.com:8443:[2001:db8::1], 203.0.113.8", Resolve},
        {"resolve-idn.txt", "Bücher.example:443:192.0.2.1", Resolve},
        {"resolve-port-0.txt", "gitlab.example.com:0:203.0.113.7", InvalidUrl},
        {"addresses.txt", "203.0.113.7,2001:db8::7", Addresses},
        {"address-v6-brackets.txt", "[::1]", Addresses},
    };

    Seeds out;
    for (const Seed& seed : seeds) {
        const QString text = QString::fromUtf8(seed.text);
        QString error;
        bool ok = false;
        switch (seed.kind) {
        case ValidUrl:
            ok = InstanceUrl::parse(text).isValid();
            break;
        case InvalidUrl:
            ok = !InstanceUrl::parse(text).isValid();
            break;
        case Resolve:
            ok = ResolveOverride::parse(text, &error).has_value();
            break;
        case Addresses:
            ok = ResolveOverride::parseAddresses(text).has_value();
            break;
        }
        if (!ok)
            badSeed("url_input", QString::fromLatin1(seed.name),
                    QStringLiteral("is not what it is named after"));
        out.append({QString::fromLatin1(seed.name), QByteArray(seed.text)});
    }
    return out;
}

// ---- chain_analysis: a control byte (fuzz_chain_analysis.cpp), then DER with lengths or PEM -----------

namespace {

constexpr char kHostWww = 0x40;
constexpr char kHostIpv4 = char(0x80);
constexpr char kHostIpv6 = char(0xc0);
constexpr char kNoFixedTrust = 0x10;
constexpr char kNoFixedExtra = 0x20;
constexpr char kLastToTrust = 0x01;
constexpr char kNextToExtra = 0x04;

QByteArray derInput(char control, const QList<QSslCertificate>& certificates)
{
    QByteArray out(1, control);
    for (const QSslCertificate& c : certificates) {
        const QByteArray der = c.toDer();
        out += char(der.size() >> 8);
        out += char(der.size() & 0xff);
        out += der;
    }
    return out;
}

QByteArray pemInput(char control, const QList<QSslCertificate>& certificates)
{
    QByteArray out(1, control);
    for (const QSslCertificate& c : certificates)
        out += c.toPem();
    return out;
}

} // namespace

Seeds chainAnalysisSeeds()
{
    using Anchor = ChainAnalysis::Anchor;
    const FuzzPki& p = fuzzPki();
    struct Seed
    {
        const char* name;
        QByteArray input;
        Anchor expected;
    };
    QList<QSslCertificate> longServed{p.longLeaf};
    for (qsizetype i = p.longChain.size() - 1; i >= 0; --i)
        longServed.append(p.longChain.at(i));

    const QList<Seed> seeds{
        {"full.der", derInput(0, {p.leaf, p.inter}), Anchor::TrustStore},
        {"full.pem", pemInput(0, {p.leaf, p.inter}), Anchor::TrustStore},
        {"full-www.der", derInput(kHostWww, {p.leaf, p.inter}), Anchor::TrustStore},
        {"full-ipv4.der", derInput(kHostIpv4, {p.leaf, p.inter}), Anchor::TrustStore},
        {"full-ipv6.der", derInput(kHostIpv6, {p.leaf, p.inter}), Anchor::TrustStore},
        {"rsa.der", derInput(0, {p.rsaLeaf, p.rsaInter}), Anchor::TrustStore},
        {"rsa.pem", pemInput(0, {p.rsaLeaf, p.rsaInter, p.rsaRoot}), Anchor::TrustStore},
        {"sha1.der", derInput(0, {p.sha1Leaf, p.rsaInter}), Anchor::TrustStore},
        {"rsa1024.der", derInput(0, {p.rsa1024Leaf, p.rsaInter}), Anchor::TrustStore},
        {"ec-leaf.der", derInput(0, {p.ecLeaf, p.inter}), Anchor::TrustStore},
        {"no-san.der", derInput(kHostWww, {p.noSanLeaf, p.inter}), Anchor::TrustStore},
        {"leaf-only.der", derInput(0, {p.leaf}), Anchor::None},
        {"two-intermediates.der", derInput(0, {p.leafB, p.issuing, p.policy}), Anchor::TrustStore},
        {"reversed.der", derInput(0, {p.leafB, p.policy, p.issuing}), Anchor::TrustStore},
        {"extra.der", derInput(0, {p.leaf, p.inter, p.unrelated}), Anchor::TrustStore},
        {"with-root.der", derInput(0, {p.leaf, p.inter, p.root}), Anchor::TrustStore},
        {"duplicate.der", derInput(0, {p.leaf, p.inter, p.inter}), Anchor::TrustStore},
        {"cross-root.der", derInput(0, {p.leaf, p.inter, p.crossRoot}), Anchor::TrustStore},
        {"redated-root.der", derInput(0, {p.leaf, p.inter, p.redatedRoot}), Anchor::TrustStore},
        {"self-signed.der", derInput(0, {p.selfSigned}), Anchor::UntrustedRoot},
        {"unknown-root.der", derInput(0, {p.unknownLeaf, p.unknownInter, p.unknownRoot}),
         Anchor::UntrustedRoot},
        {"unknown-no-root.der", derInput(0, {p.unknownLeaf, p.unknownInter}), Anchor::None},
        {"private-ca.der", derInput(0, {p.privateLeaf}), Anchor::ExtraCa},
        {"private-ca-missing.der", derInput(kNoFixedExtra, {p.privateLeaf}), Anchor::None},
        {"private-ca-from-input.der", derInput(kNoFixedExtra | kNextToExtra, {p.privateLeaf, p.privateRoot}),
         Anchor::ExtraCa},
        {"intermediate-only-in-ca-file.der", derInput(kNextToExtra, {p.leaf, p.inter}), Anchor::None},
        {"trust-from-input.der", derInput(kNoFixedTrust | kLastToTrust, {p.leaf, p.inter, p.root}),
         Anchor::TrustStore},
        {"no-trust-store.der", derInput(kNoFixedTrust | kNoFixedExtra, {p.leaf, p.inter}), Anchor::None},
        {"long.der", derInput(0, longServed), Anchor::None},
    };

    Seeds out;
    for (const Seed& seed : seeds) {
        // As fuzz_chain_analysis.cpp splits it.
        const char control = seed.input.at(0);
        QList<QSslCertificate> served = seed.input.contains("-----BEGIN")
                                            ? QSslCertificate::fromData(seed.input.mid(1), QSsl::Pem)
                                            : QList<QSslCertificate>();
        if (served.isEmpty()) {
            for (qsizetype at = 1; at + 2 <= seed.input.size();) {
                const int length = (uchar(seed.input.at(at)) << 8) | uchar(seed.input.at(at + 1));
                served.append(QSslCertificate(seed.input.mid(at + 2, length), QSsl::Der));
                at += 2 + length;
            }
        }
        QList<QSslCertificate> trust = (control & kNoFixedTrust) ? QList<QSslCertificate>() : p.trustStore();
        QList<QSslCertificate> extra = (control & kNoFixedExtra) ? QList<QSslCertificate>() : p.extraCas();
        for (int i = control & 3; i > 0; --i)
            trust.append(served.takeLast());
        for (int i = (control >> 2) & 3; i > 0; --i)
            extra.append(served.takeLast());
        const ChainAnalysis analysis = ChainAnalysis::analyze(served, trust, extra);
        if (analysis.anchor != seed.expected)
            badSeed("chain_analysis", QString::fromLatin1(seed.name),
                    QStringLiteral("ends at anchor %1, not %2 (missing issuer \"%3\")")
                        .arg(int(analysis.anchor))
                        .arg(int(seed.expected))
                        .arg(analysis.missingIssuer));
        out.append({QString::fromLatin1(seed.name), seed.input});
    }
    return out;
}

// ---- descriptor: the body of /-/jira_connect/app_descriptor.json ----------------------------------------

namespace {

// What GitLab serves for https://gitlab.example.com, as tests/support/fakegitlab.cpp (appDescriptor) does.
QJsonObject gitlabDescriptor()
{
    const QString base = QStringLiteral("https://gitlab.example.com");
    const QString key = QStringLiteral("gitlab-jira-connect-gitlab.example.com");
    const QString logoUrl =
        base + "/assets/gitlab_logo-2957169c8ef64c58616a1ac3f4fc626e8a35ce4eb3ed31bb0d873712f2a041a0.png";
    auto provider = [&](const char* moduleKey, const char* name) {
        return QJsonObject{{"homeUrl", "https://gitlab.com"},
                           {"logoUrl", logoUrl},
                           {"documentationUrl", "https://docs.gitlab.com/ee/integration/jira/"},
                           {"actions", QJsonObject{}},
                           {"name", QJsonObject{{"value", name}}},
                           {"key", moduleKey}};
    };
    auto action = [&](const QString& path) {
        return QJsonObject{{"templateUrl", QString(base + path)}};
    };
    const QJsonObject modules{
        {"postInstallPage", QJsonObject{{"key", "gitlab-configuration"},
                                        {"name", QJsonObject{{"value", "GitLab Configuration"}}},
                                        {"url", "/subscriptions"},
                                        {"conditions", QJsonArray{QJsonObject{{"condition", "user_is_admin"},
                                                                              {"invert", false}}}}}},
        {"jiraDevelopmentTool",
         QJsonObject{
             {"actions",
              QJsonObject{{"createBranch", action("/-/jira_connect/branches/route?issue_key={issue.key}"
                                                  "&issue_summary={issue.summary}&jwt={jwt}&addonkey=" +
                                                  key)},
                          {"searchConnectedWorkspaces", action("/-/jira_connect/workspaces/search")},
                          {"searchRepositories", action("/-/jira_connect/repositories/search")},
                          {"associateRepository", action("/-/jira_connect/repositories/associate")}}},
             {"key", "gitlab-development-tool"},
             {"application", QJsonObject{{"value", "GitLab (gitlab.example.com)"}}},
             {"name", QJsonObject{{"value", "GitLab (gitlab.example.com)"}}},
             {"url", "https://gitlab.com"},
             {"logoUrl", logoUrl},
             {"capabilities", QJsonArray{"branch", "commit", "pull_request"}}}},
        {"jiraBuildInfoProvider", provider("gitlab-ci", "GitLab CI")},
        {"jiraDeploymentInfoProvider", provider("gitlab-deployments", "GitLab Deployments")},
        {"jiraFeatureFlagInfoProvider", provider("gitlab-feature-flags", "GitLab Feature Flags")},
    };
    return QJsonObject{
        {"name", "GitLab for Jira (gitlab.example.com)"},
        {"description", "Integrate commits, branches and merge requests from GitLab into Jira"},
        {"key", key},
        {"baseUrl", QString(base + "/-/jira_connect")},
        {"lifecycle",
         QJsonObject{{"installed", "/events/installed"}, {"uninstalled", "/events/uninstalled"}}},
        {"vendor", QJsonObject{{"name", "GitLab"}, {"url", "https://gitlab.com"}}},
        {"links",
         QJsonObject{{"documentation", QString(base + "/help/integration/jira/development_panel.md")}}},
        {"authentication", QJsonObject{{"type", "jwt"}}},
        {"modules", modules},
        {"scopes", QJsonArray{"READ", "WRITE", "DELETE"}},
        {"apiVersion", 1},
        {"apiMigrations", QJsonObject{{"context-qsh", true}, {"signed-install", true}, {"gdpr", true}}},
    };
}

QJsonObject with(QJsonObject object, const QString& key, const QJsonValue& value)
{
    if (value.isUndefined())
        object.remove(key);
    else
        object.insert(key, value);
    return object;
}

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

} // namespace

Seeds descriptorSeeds()
{
    enum Kind
    {
        Valid,
        Violates,
        Refused
    };
    struct Seed
    {
        const char* name;
        QByteArray body;
        Kind kind;
    };
    const QJsonObject d = gitlabDescriptor();
    const QJsonObject modules = d.value("modules").toObject();
    const QJsonObject lifecycle = d.value("lifecycle").toObject();
    const QList<Seed> seeds{
        {"gitlab.json", json(d), Valid},
        {"gitlab-compact.json", QJsonDocument(d).toJson(QJsonDocument::Compact), Valid},
        {"gitlab-com.json",
         json(with(with(d, "key", Descriptor::marketplaceKey), "baseUrl",
                   "https://gitlab.com/-/jira_connect")),
         Valid},
        {"module-list.json",
         json(with(d, "modules",
                   with(modules, "webhooks",
                        QJsonArray{QJsonObject{{"key", "issue-created"}, {"event", "jira:issue_created"}},
                                   QJsonObject{{"key", "issue-updated"}, {"event", "jira:issue_updated"}}}))),
         Valid},
        {"no-authentication.json", json(with(d, "authentication", QJsonValue::Undefined)), Valid},
        {"proxy-path-key.json", json(with(d, "key", "gitlab-jira-connect-gitlab.example.com/gitlab")),
         Violates},
        {"long-key.json",
         json(with(d, "key", QString("gitlab-jira-connect-" + QString(50, QLatin1Char('k'))))), Violates},
        {"no-key.json", json(with(d, "key", QJsonValue::Undefined)), Violates},
        {"http-base-url.json", json(with(d, "baseUrl", "http://gitlab.example.com/-/jira_connect")),
         Violates},
        {"relative-base-url.json", json(with(d, "baseUrl", "/-/jira_connect")), Violates},
        {"authentication-none.json", json(with(d, "authentication", QJsonObject{{"type", "none"}})),
         Violates},
        {"no-lifecycle.json", json(with(d, "lifecycle", QJsonValue::Undefined)), Violates},
        {"no-uninstalled.json",
         json(with(d, "lifecycle", with(lifecycle, "uninstalled", QJsonValue::Undefined))), Violates},
        {"empty-modules.json", json(with(d, "modules", QJsonObject{})), Violates},
        {"module-key-dot.json",
         json(with(d, "modules", with(modules, "jiraBuildInfoProvider", QJsonObject{{"key", "gitlab.ci"}}))),
         Violates},
        {"module-without-key.json",
         json(with(d, "modules", with(modules, "jiraBuildInfoProvider", QJsonObject{}))), Violates},
        {"unknown-scope.json", json(with(d, "scopes", QJsonArray{"READ", "EVERYTHING"})), Violates},
        {"scopes-not-list.json", json(with(d, "scopes", "READ")), Violates},
        {"everything-wrong.json",
         json(QJsonObject{
             {"key", 42}, {"baseUrl", "gitlab"}, {"modules", QJsonArray{}}, {"scopes", QJsonObject{}}}),
         Violates},
        {"sign-in.html",
         "<!DOCTYPE html>\n<html><head><title>Sign in · GitLab</title></head><body>"
         "<a href=\"/users/sign_in\">Sign in</a></body></html>\n",
         Refused},
        {"not-found.html", "<html><body><h1>404</h1></body></html>", Refused},
        {"truncated.json", json(d).left(200), Refused},
        {"array.json", "[{\"key\":\"gitlab-jira-connect-gitlab.example.com\"}]", Refused},
        {"empty.json", "  \r\n", Refused},
    };

    Seeds out;
    for (const Seed& seed : seeds) {
        HttpResponse response;
        response.status = 200;
        response.body = seed.body;
        QString error;
        const std::optional<QJsonObject> object = Descriptor::parseObject(response, &error);
        const Kind kind = !object ? Refused : Descriptor::violations(*object).isEmpty() ? Valid : Violates;
        if (kind != seed.kind)
            badSeed("descriptor", QString::fromLatin1(seed.name),
                    QStringLiteral("is not what it is named after: ") +
                        (object ? Descriptor::violations(*object).join(QLatin1Char(' ')) : error));
        out.append({QString::fromLatin1(seed.name), seed.body});
    }
    return out;
}

} // namespace gjd::fuzz
