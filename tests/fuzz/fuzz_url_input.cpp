// SPDX-License-Identifier: GPL-3.0-or-later
// The fuzz target of what the admin types or pastes: the instance URL (InstanceUrl::parse, the CLI
// argument and the wizard's first field) and "connect to this address" (ResolveOverride::parse
// for --resolve, parseAddresses and forUrls for the desktop program's field). Linked with
// libFuzzer when GJD_FUZZ is on (scripts/fuzz.sh --target url_input), and with replay_main.cpp in
// every test build.
//
// The input is UTF-8 text (invalid sequences become U+FFFD, as QString::fromUtf8 makes them). The
// whole text goes to InstanceUrl::parse, ResolveOverride::parse and parseAddresses; forUrls gets
// every line but the last as URLs and the last line as the addresses (a one-line text is both).
//
// Besides crashes, leaks and sanitizer reports, it aborts on what would be a silent bug:
//   - a refusal without an error code or text, or a text (error or note) that is not one line
//     (it is shown as one line in the wizard and the terminal, and it may quote the input);
//   - a valid URL that does not come back the same when its toString() is parsed again (what the
//     report, the wizard and GitLab's settings show must be what was checked), whose toUrl()
//     names another host or port, or whose host is not lowercase ASCII or whose port is 0;
//   - an override or an address list with port 0, an empty host, a host that is not lowercase
//     ASCII, no address or a null address.

#include "fuzzcheck.h"
#include "instanceurl.h"
#include "runcontext.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <cstddef>
#include <cstdint>

using gjd::InstanceUrl;
using gjd::ResolveOverride;

namespace {

[[noreturn]] void fail(const char* what, const QString& detail)
{
    gjd::fuzz::fail("fuzz_url_input", what, detail);
}

bool isLowercaseAscii(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() > 0x7f || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')))
            return false;
    }
    return true;
}

QString quoted(const QString& text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

void checkInstanceUrl(const QString& text)
{
    const InstanceUrl url = InstanceUrl::parse(text);
    for (const InstanceUrl::Note& note : url.notes()) {
        if (note.code.isEmpty() || note.text.isEmpty() || !gjd::fuzz::isOneLineOfText(note.text))
            fail("a note without a code or a one-line text:",
                 quoted(text) + QStringLiteral(" → ") + note.code + QLatin1Char(' ') + quoted(note.text));
    }
    if (!url.isValid()) {
        if (url.errorCode().isEmpty() || url.error().isEmpty())
            fail("an invalid URL without an error code or text:", quoted(text) + QStringLiteral(" → ") +
                                                                      url.errorCode() + QLatin1Char(' ') +
                                                                      quoted(url.error()));
        if (!gjd::fuzz::isOneLineOfText(url.error()))
            fail("the error of an invalid URL is not one line of text:",
                 quoted(text) + QStringLiteral(" → ") + quoted(url.error()));
        if (!url.toString().isEmpty())
            fail("an invalid URL has a string form:", quoted(text) + QStringLiteral(" → ") + url.toString());
        return;
    }

    const QString shown = url.toString();
    const QString detail = quoted(text) + QStringLiteral(" → ") + shown;
    if (!url.errorCode().isEmpty())
        fail("a valid URL with an error code:", detail + QLatin1Char(' ') + url.errorCode());
    if (url.port() == 0)
        fail("a valid URL with port 0:", detail);
    if (!isLowercaseAscii(url.host()))
        fail("the host of a valid URL is not lowercase ASCII:", detail + QLatin1Char(' ') + url.host());
    if (!url.path().isEmpty() &&
        (!url.path().startsWith(QLatin1Char('/')) || url.path().endsWith(QLatin1Char('/'))))
        fail("the relative root of a valid URL does not start with / or ends with /:", detail);

    const InstanceUrl again = InstanceUrl::parse(shown);
    if (!again.isValid())
        fail("the string form of a valid URL is refused:", detail + QStringLiteral(" → ") + again.error());
    if (again.toString() != shown || again.host() != url.host() || again.port() != url.port() ||
        again.path() != url.path())
        fail("a valid URL changes when its string form is parsed again:",
             detail + QStringLiteral(" → ") + again.toString());

    const QUrl qurl = url.toUrl();
    if (!qurl.isValid() || qurl.host(QUrl::FullyEncoded) != url.host() || qurl.port(443) != url.port())
        fail("toUrl() names another host or port than the URL:",
             detail + QStringLiteral(" → ") + qurl.toString() + QStringLiteral(" (host ") + url.host() +
                 QStringLiteral(", port ") + QString::number(url.port()) + QLatin1Char(')'));
}

void checkAddresses(const QString& text, const QList<QHostAddress>& addresses, const char* what)
{
    if (addresses.isEmpty())
        fail(what, quoted(text) + QStringLiteral(": no address"));
    for (const QHostAddress& address : addresses) {
        if (address.isNull())
            fail(what, quoted(text) + QStringLiteral(": a null address"));
    }
}

void checkOverride(const QString& text, const ResolveOverride& r)
{
    const QString detail =
        quoted(text) + QStringLiteral(" → ") + r.host + QLatin1Char(':') + QString::number(r.port);
    if (r.port == 0)
        fail("an override with port 0:", detail);
    if (r.host.isEmpty() || !isLowercaseAscii(r.host))
        fail("an override whose host is empty or not lowercase ASCII:", detail);
    checkAddresses(text, r.addresses, "an override without addresses or with a null one:");
}

void checkRefusal(const QString& text, const QString& error, const char* what)
{
    if (error.isEmpty())
        fail(what, quoted(text) + QStringLiteral(": no text"));
    if (!gjd::fuzz::isOneLineOfText(error))
        fail(what, quoted(text) + QStringLiteral(" → ") + quoted(error));
}

void checkResolve(const QString& text)
{
    QString error;
    if (const auto parsed = ResolveOverride::parse(text, &error))
        checkOverride(text, *parsed);
    else
        checkRefusal(text, error, "a refused --resolve has no one-line error:");

    if (const auto addresses = ResolveOverride::parseAddresses(text)) {
        checkAddresses(text, *addresses, "parsed addresses are empty or hold a null one:");
        if (addresses->size() != text.split(QLatin1Char(',')).size())
            fail("parsed addresses are not one per comma-separated part:", quoted(text));
    }

    QStringList urls = text.split(QLatin1Char('\n'));
    const QString addresses = urls.size() > 1 ? urls.takeLast() : text;
    QString why;
    if (const auto overrides = ResolveOverride::forUrls(urls, addresses, &why)) {
        for (const ResolveOverride& r : *overrides)
            checkOverride(text, r);
    } else {
        checkRefusal(addresses, why, "refused addresses have no one-line error:");
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/)
{
    qInstallMessageHandler(gjd::fuzz::dropMessage);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    checkInstanceUrl(text);
    checkResolve(text);
    return 0;
}
