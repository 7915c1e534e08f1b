// SPDX-License-Identifier: GPL-3.0-or-later
// The fuzz target of the HTTP/1.1 response parser (HttpResponseParser: status line, headers,
// Content-Length, chunked coding with trailers, bodies that end with the connection): what every
// server the doctor probes talks to, whoever runs it. Linked with libFuzzer when GJD_FUZZ is on
// (scripts/fuzz.sh --target http_response), and with replay_main.cpp in every test build.
//
// The input is five bytes of control, then what the server sends:
//
//   byte 0      bit 0: the request was HEAD; bits 1-2: the body cap, 64 KiB, 1 KiB, 100 or 1 byte
//               (small caps let short inputs reach the cap)
//   bytes 1-4   the sizes of the reads the bytes arrive in, used in turn: ((b & 63) + 1) << 4 * (b >> 6),
//               1 byte to 256 KiB
//   the rest    the response stream, followed by the end of the connection
//
// Besides crashes, leaks and sanitizer reports, it aborts on what would be a silent bug:
//   - an error without a code from the documented set, or without a one-line text;
//   - a body larger than the cap, or a truncated body in anything but a "too-large" error;
//   - a complete answer with a status outside 200..999 (1xx answers are interim, never final),
//     or with a body that a HEAD, 204 or 304 answer cannot have, or that differs in length
//     from its Content-Length;
//   - a final result that changes on later bytes or at the end of the stream;
//   - an outcome that depends on how the bytes were split into reads: the same stream fed in
//     one piece must give the same result, code, status, headers and body. (The network decides
//     the reads, so a difference here is a cap or a rule that holds only sometimes.)

#include "fuzzcheck.h"
#include "http/httpresponseparser.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

using gjd::HttpResponseParser;
using Result = gjd::HttpResponseParser::Result;

namespace {

constexpr qsizetype kControlBytes = 5;
constexpr std::array<qint64, 4> kBodyCaps{64 * 1024, 1024, 100, 1};

[[noreturn]] void fail(const char* what, const QString& detail)
{
    gjd::fuzz::fail("fuzz_http_response", what, detail);
}

const char* resultName(Result result)
{
    switch (result) {
    case Result::NeedMore:
        return "NeedMore";
    case Result::Complete:
        return "Complete";
    case Result::Error:
        return "Error";
    }
    return "?";
}

// Concatenated, not arg()-ed: what the server sent may hold "%1".
QString describe(const HttpResponseParser& parser)
{
    QString out =
        QStringLiteral("result ") + QLatin1String(resultName(parser.result())) + QStringLiteral(", status ") +
        QString::number(parser.status()) + QStringLiteral(" \"") + QString::fromLatin1(parser.reason()) +
        QStringLiteral("\", error ") + parser.errorCode() + QStringLiteral(" \"") + parser.error() +
        QStringLiteral("\", body ") + QString::number(parser.body().size()) + QStringLiteral(" bytes") +
        (parser.bodyTruncated() ? QStringLiteral(" (truncated)") : QString()) + QStringLiteral(", headers:");
    for (const auto& [name, value] : parser.headers())
        out +=
            QLatin1Char('\n') + QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromLatin1(value);
    return out;
}

// The promises of httpresponseparser.h that hold after every call.
void check(const HttpResponseParser& parser, const HttpResponseParser::Limits& limits, Result returned)
{
    if (parser.result() != returned)
        fail("feed() or endOfStream() returned another result than result() says:", describe(parser));
    if (parser.body().size() > limits.maxBodyBytes)
        fail("the body is larger than the cap:", QStringLiteral("cap ") +
                                                     QString::number(limits.maxBodyBytes) +
                                                     QLatin1Char('\n') + describe(parser));
    if (parser.bodyTruncated() &&
        (returned != Result::Error || parser.errorCode() != QLatin1String("too-large")))
        fail("a truncated body in something else than a \"too-large\" error:", describe(parser));

    switch (returned) {
    case Result::NeedMore:
        return;
    case Result::Error: {
        static const QStringList codes{QStringLiteral("protocol"), QStringLiteral("too-large"),
                                       QStringLiteral("closed")};
        if (!codes.contains(parser.errorCode()))
            fail("an error with a code outside protocol/too-large/closed:", describe(parser));
        if (parser.error().isEmpty())
            fail("an error without a text:", describe(parser));
        if (!gjd::fuzz::isOneLineOfText(parser.error()))
            fail("the text of an error is not one line of text:", describe(parser));
        return;
    }
    case Result::Complete: {
        if (!parser.errorCode().isEmpty() || !parser.error().isEmpty())
            fail("a complete answer with an error:", describe(parser));
        if (parser.status() < 200 || parser.status() > 999)
            fail("a complete answer with a status outside 200..999:", describe(parser));
        if (!parser.headComplete())
            fail("a complete answer whose head is not complete:", describe(parser));
        const bool noBody = limits.headRequest || parser.status() == 204 || parser.status() == 304;
        if (noBody && !parser.body().isEmpty())
            fail("an answer to HEAD, or a 204 or 304, with a body:", describe(parser));
        const QByteArray length = parser.header("Content-Length");
        const bool chunked = parser.header("Transfer-Encoding").toLower().contains("chunked");
        bool ok = false;
        const qint64 announced = length.trimmed().toLongLong(&ok);
        if (!noBody && !chunked && ok && parser.body().size() != announced)
            fail("a complete answer whose body is not as long as its Content-Length:", describe(parser));
        return;
    }
    }
}

qint64 readSize(uint8_t b)
{
    return qint64((b & 63) + 1) << (4 * (b >> 6));
}

struct Outcome
{
    Result result = Result::NeedMore;
    QString errorCode;
    int status = 0;
    QByteArray reason;
    gjd::HttpHeaders headers;
    QByteArray body;
    bool bodyTruncated = false;

    bool operator==(const Outcome& o) const
    {
        if (result != o.result || errorCode != o.errorCode || bodyTruncated != o.bodyTruncated)
            return false;
        // Where an error stopped the parser depends on the reads; a complete answer must not.
        return result != Result::Complete ||
               (status == o.status && reason == o.reason && headers == o.headers && body == o.body);
    }
};

// Feeds `stream` in reads of the given sizes, in turn (one read when there are none), then ends it.
Outcome parse(const HttpResponseParser::Limits& limits, const QByteArray& stream, const QList<qint64>& reads,
              QString* log)
{
    HttpResponseParser parser(limits);
    Result final = Result::NeedMore;
    qsizetype at = 0;
    for (int i = 0; at < stream.size(); ++i) {
        const qsizetype n = reads.isEmpty()
                                ? stream.size()
                                : std::min<qsizetype>(reads.at(i % reads.size()), stream.size() - at);
        const Result result = parser.feed(QByteArray(stream.constData() + at, n));
        check(parser, limits, result);
        if (final != Result::NeedMore && result != final)
            fail("a final result changed on later bytes:", describe(parser));
        final = result;
        at += n;
        if (log && i < 64)
            *log += QStringLiteral("read of %1 bytes: %2\n").arg(n).arg(QLatin1String(resultName(result)));
    }
    const Result result = parser.endOfStream();
    check(parser, limits, result);
    if (final != Result::NeedMore && result != final)
        fail("a final result changed at the end of the stream:", describe(parser));
    if (result == Result::NeedMore)
        fail("still waiting for more after the end of the stream:", describe(parser));
    return Outcome{result,           parser.errorCode(), parser.status(),       parser.reason(),
                   parser.headers(), parser.body(),      parser.bodyTruncated()};
}

QString describe(const Outcome& o)
{
    return QLatin1String(resultName(o.result)) + QLatin1Char(' ') + o.errorCode +
           QStringLiteral(", status ") + QString::number(o.status) + QStringLiteral(", ") +
           QString::number(o.headers.size()) + QStringLiteral(" headers, body ") +
           QString::number(o.body.size()) + QStringLiteral(" bytes") +
           (o.bodyTruncated ? QStringLiteral(" (truncated)") : QString());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/)
{
    qInstallMessageHandler(gjd::fuzz::dropMessage);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::array<uint8_t, kControlBytes> control{};
    const qsizetype controlSize = std::min<qsizetype>(kControlBytes, qsizetype(size));
    std::copy_n(data, controlSize, control.begin());
    const QByteArray stream = QByteArray::fromRawData(reinterpret_cast<const char*>(data) + controlSize,
                                                      qsizetype(size) - controlSize);

    HttpResponseParser::Limits limits;
    limits.headRequest = (control[0] & 1) != 0;
    limits.maxBodyBytes = kBodyCaps[(control[0] >> 1) & 3];
    const QList<qint64> reads{readSize(control[1]), readSize(control[2]), readSize(control[3]),
                              readSize(control[4])};

    const Outcome split = parse(limits, stream, reads, nullptr);
    const Outcome whole = parse(limits, stream, {}, nullptr);
    if (!(split == whole)) {
        QString log;
        parse(limits, stream, reads, &log);
        fail("the outcome depends on how the bytes are split into reads:",
             QStringLiteral("in reads: ") + describe(split) + QStringLiteral("\nin one piece: ") +
                 describe(whole) + QLatin1Char('\n') + log);
    }
    return 0;
}
