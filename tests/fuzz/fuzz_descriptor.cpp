// SPDX-License-Identifier: GPL-3.0-or-later
// The fuzz target of the Jira Connect descriptor rules: Descriptor::parseObject on what a server
// answers at /-/jira_connect/app_descriptor.json (a 200 with a JSON content type and the input as
// its body), Descriptor::violations on the object, and Descriptor::keyForHost on the input (as
// host and path) and on the host of the descriptor's baseUrl. The server may be anyone's, and its
// strings end up in findings. Linked with libFuzzer when GJD_FUZZ is on
// (scripts/fuzz.sh --target descriptor), and with replay_main.cpp in every test build.
//
// Besides crashes, leaks and sanitizer reports, it aborts on what would be a silent bug:
//   - a refusal without a reason, or a reason or violation that is not one line of text (each
//     violation is a line of a finding; a key or URL from the server must not add lines or
//     terminal escape sequences);
//   - a key from keyForHost that is not the prefix and the host, cut to 64 characters,
//     or, for the descriptor's own host (lowercase LDH), a key the key rule refuses: GitLab's
//     key for its host must pass the doctor's own check.

#include "connect/descriptor.h"
#include "fuzzcheck.h"
#include "http/httpexchange.h"

#include <QByteArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <cstddef>
#include <cstdint>

using gjd::Descriptor;

namespace {

[[noreturn]] void fail(const char* what, const QString& detail)
{
    gjd::fuzz::fail("fuzz_descriptor", what, detail);
}

void checkKey(const QString& hostAndPath)
{
    const QString key = Descriptor::keyForHost(hostAndPath);
    if (!key.startsWith(Descriptor::keyPrefix) || key.size() > 64 ||
        !QString(Descriptor::keyPrefix + hostAndPath).startsWith(key))
        fail("keyForHost is not the prefix and the host, cut to 64:",
             hostAndPath + QStringLiteral(" → ") + key);
}

void checkViolations(const QJsonObject& descriptor, const QString& input)
{
    const QStringList violations = Descriptor::violations(descriptor);
    for (const QString& v : violations) {
        if (v.isEmpty() || !gjd::fuzz::isOneLineOfText(v))
            fail("a violation is empty or not one line of text:",
                 QLatin1Char('"') + v + QStringLiteral("\"\nin ") + input);
    }

    // GitLab derives its key from its host; for an LDH host that key must pass the key rule, so
    // the descriptor with the derived key has the violations of one with a plain valid key.
    const QString host = QUrl(descriptor.value(QStringLiteral("baseUrl")).toString()).host();
    if (host.isEmpty())
        return;
    checkKey(host);
    static const QRegularExpression ldh(QStringLiteral("^[a-z0-9.-]+$"));
    if (!ldh.match(host).hasMatch())
        return;
    QJsonObject derived = descriptor;
    derived.insert(QStringLiteral("key"), Descriptor::keyForHost(host));
    QJsonObject plain = descriptor;
    plain.insert(QStringLiteral("key"), Descriptor::marketplaceKey);
    const QStringList withDerived = Descriptor::violations(derived);
    const QStringList withPlain = Descriptor::violations(plain);
    if (withDerived != withPlain)
        fail("the key derived from the descriptor's host breaks the key rule:",
             host + QStringLiteral(" → ") + Descriptor::keyForHost(host) + QLatin1Char('\n') +
                 withDerived.join(QLatin1Char('\n')));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/)
{
    qInstallMessageHandler(gjd::fuzz::dropMessage);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    gjd::HttpResponse response;
    response.status = 200;
    response.reason = "OK";
    response.headers = {{"Content-Type", "application/json; charset=utf-8"}};
    response.body = QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));

    checkKey(QString::fromUtf8(response.body));

    QString error;
    const std::optional<QJsonObject> descriptor = Descriptor::parseObject(response, &error);
    if (!descriptor) {
        if (error.isEmpty() || !gjd::fuzz::isOneLineOfText(error))
            fail("a refused descriptor has no one-line reason:", QLatin1Char('"') + error + QLatin1Char('"'));
        return 0;
    }
    checkViolations(*descriptor, QString::fromUtf8(response.body.left(2000)));
    return 0;
}
