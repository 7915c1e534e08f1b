// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

namespace gjd {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// The HTTP/1.1 response of one request, read from bytes as they arrive, without a socket: the
// part of HttpExchange that a hostile server talks to, on its own so that it can be fuzzed
// (tests/fuzz/fuzz_http_response.cpp). Nothing the server says is believed, and every buffer has
// a cap that holds whatever it sends:
//
//   status line, chunk-size line, trailer line   at most maxLineBytes each
//   header section                               at most maxHeaderBytes
//   trailer section                              at most maxHeaderBytes
//   body                                         at most Limits::maxBodyBytes
//
// Each byte is looked at a bounded number of times: a line without its LF is scanned once, not
// again on every read.
class HttpResponseParser
{
    Q_DECLARE_TR_FUNCTIONS(gjd::HttpExchange)

public:
    static constexpr int maxLineBytes = 16 * 1024;
    static constexpr int maxHeaderBytes = 64 * 1024;

    struct Limits
    {
        qint64 maxBodyBytes = 1024 * 1024;
        bool headRequest = false; // the answer to HEAD has no body, whatever it announces
    };
    enum class Result
    {
        NeedMore,
        Complete,
        Error
    };

    HttpResponseParser();
    explicit HttpResponseParser(const Limits& limits);

    // Appends the bytes and parses as far as they go. Once the result is Complete or Error it
    // stays so, and further bytes are ignored.
    Result feed(const QByteArray& bytes);
    // The peer closed the connection: ends a body that runs until the close, else an error.
    Result endOfStream();

    Result result() const { return m_result; }
    bool headComplete() const { return m_headComplete; } // status line and headers read
    int status() const { return m_status; }
    const QByteArray& reason() const { return m_reason; }
    const HttpHeaders& headers() const { return m_headers; }
    const QByteArray& body() const { return m_body; }
    bool bodyTruncated() const { return m_bodyTruncated; }
    // When the result is Error: "protocol", "too-large" or "closed", and one translated line.
    const QString& errorCode() const { return m_errorCode; }
    const QString& error() const { return m_error; }

    QByteArray header(const QByteArray& name) const; // first value, case-insensitive

private:
    enum class State
    {
        Status,
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailer,
        Done
    };

    void parse();
    bool takeLine(QByteArray* line);
    bool lineTooLong(const QByteArray& line, const QString& error);
    bool parseStatusLine(const QByteArray& line);
    void headersComplete();
    void appendBody(qint64 count);
    void complete();
    void fail(const QString& code, const QString& error);

    Limits m_limits;
    Result m_result = Result::NeedMore;
    State m_state = State::Status;
    QByteArray m_buffer;
    qsizetype m_pos = 0;     // first unread byte of m_buffer
    qsizetype m_scanned = 0; // m_buffer[m_pos, m_scanned) holds no LF
    int m_status = 0;
    QByteArray m_reason;
    HttpHeaders m_headers;
    QByteArray m_body;
    bool m_bodyTruncated = false;
    bool m_headComplete = false;
    bool m_chunked = false;
    qint64 m_contentLength = -1;
    qint64 m_chunkRemaining = 0;
    int m_headerBytes = 0;
    int m_trailerBytes = 0;
    QString m_errorCode;
    QString m_error;
};

} // namespace gjd
