// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpresponseparser.h"

#include <algorithm>
#include <cctype>

namespace gjd {

namespace {

qsizetype unread(const QByteArray& buffer, qsizetype pos)
{
    return buffer.size() - pos;
}

} // namespace

HttpResponseParser::HttpResponseParser()
    : HttpResponseParser(Limits())
{
}

HttpResponseParser::HttpResponseParser(const Limits& limits)
    : m_limits(limits)
{
}

QByteArray HttpResponseParser::header(const QByteArray& name) const
{
    for (const auto& h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return QByteArray();
}

HttpResponseParser::Result HttpResponseParser::feed(const QByteArray& bytes)
{
    if (m_result != Result::NeedMore)
        return m_result;
    // What was read stays only until it is parsed: drop it before the buffer grows.
    if (m_pos > 0 && (m_pos >= m_buffer.size() / 2 || m_pos > 64 * 1024)) {
        m_buffer.remove(0, m_pos);
        m_scanned -= m_pos;
        m_pos = 0;
    }
    m_buffer.append(bytes);
    parse();
    return m_result;
}

HttpResponseParser::Result HttpResponseParser::endOfStream()
{
    if (m_result != Result::NeedMore)
        return m_result;
    if (m_state == State::Body && m_contentLength < 0 && !m_chunked) {
        complete(); // the body ends with the connection
        return m_result;
    }
    fail(QStringLiteral("closed"), m_state == State::Status && m_status == 0
                                       ? tr("The server closed the connection without answering.")
                                       : tr("The server closed the connection in the middle of the answer."));
    return m_result;
}

bool HttpResponseParser::takeLine(QByteArray* line)
{
    // A bare LF ends a line too (RFC 9112 §2.2 allows a recipient to accept it); a CR before it
    // belongs to the line ending.
    const qsizetype lf = m_buffer.indexOf('\n', std::max(m_pos, m_scanned));
    if (lf < 0) {
        m_scanned = m_buffer.size();
        return false;
    }
    qsizetype end = lf;
    if (end > m_pos && m_buffer.at(end - 1) == '\r')
        --end;
    *line = m_buffer.mid(m_pos, end - m_pos);
    m_pos = lf + 1;
    m_scanned = m_pos;
    return true;
}

bool HttpResponseParser::lineTooLong(const QByteArray& line, const QString& error)
{
    // The same cap whether the line came in one read or in many.
    if (line.size() <= maxLineBytes)
        return false;
    fail(QStringLiteral("protocol"), error);
    return true;
}

void HttpResponseParser::parse()
{
    while (m_result == Result::NeedMore) {
        switch (m_state) {
        case State::Status: {
            QByteArray line;
            if (!takeLine(&line)) {
                if (unread(m_buffer, m_pos) > maxLineBytes)
                    fail(QStringLiteral("protocol"), tr("The server did not answer with HTTP."));
                return;
            }
            if (lineTooLong(line, tr("The server did not answer with HTTP.")) || !parseStatusLine(line))
                return;
            m_state = State::Headers;
            break;
        }
        case State::Headers: {
            QByteArray line;
            if (!takeLine(&line)) {
                if (m_headerBytes + unread(m_buffer, m_pos) > maxHeaderBytes)
                    fail(QStringLiteral("protocol"), tr("The response headers are larger than 64 KiB."));
                return;
            }
            m_headerBytes += line.size() + 2;
            if (m_headerBytes > maxHeaderBytes) {
                fail(QStringLiteral("protocol"), tr("The response headers are larger than 64 KiB."));
                return;
            }
            if (line.isEmpty()) {
                headersComplete();
                break;
            }
            const int colon = line.indexOf(':');
            if (colon <= 0 || line.at(0) == ' ' || line.at(0) == '\t') {
                fail(QStringLiteral("protocol"), tr("The server sent a malformed response header."));
                return;
            }
            m_headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
            break;
        }
        case State::Body: {
            qint64 take = unread(m_buffer, m_pos);
            if (m_contentLength >= 0)
                take = std::min<qint64>(take, m_contentLength - m_body.size());
            if (take > m_limits.maxBodyBytes - m_body.size()) {
                appendBody(m_limits.maxBodyBytes - m_body.size());
                m_bodyTruncated = true;
                fail(QStringLiteral("too-large"),
                     tr("The response body is larger than %1 KiB; it was not read further.")
                         .arg(m_limits.maxBodyBytes / 1024));
                return;
            }
            appendBody(take);
            if (m_contentLength >= 0 && m_body.size() >= m_contentLength)
                complete();
            return; // wait for more, or for the close that ends the body
        }
        case State::ChunkSize: {
            QByteArray line;
            if (!takeLine(&line)) {
                if (unread(m_buffer, m_pos) > maxLineBytes)
                    fail(QStringLiteral("protocol"), tr("The server sent a malformed chunked body."));
                return;
            }
            if (lineTooLong(line, tr("The server sent a malformed chunked body.")))
                return;
            bool ok = false;
            const QByteArray digits = line.split(';').value(0).trimmed();
            const qint64 size = digits.size() <= 15 ? digits.toLongLong(&ok, 16) : -1;
            if (!ok || size < 0) {
                fail(QStringLiteral("protocol"), tr("The server sent a malformed chunked body."));
                return;
            }
            if (size == 0) {
                m_state = State::Trailer;
                break;
            }
            if (size > m_limits.maxBodyBytes - m_body.size()) {
                m_bodyTruncated = true;
                fail(QStringLiteral("too-large"),
                     tr("The response body is larger than %1 KiB; it was not read further.")
                         .arg(m_limits.maxBodyBytes / 1024));
                return;
            }
            m_chunkRemaining = size;
            m_state = State::ChunkData;
            break;
        }
        case State::ChunkData: {
            const qint64 take = std::min<qint64>(m_chunkRemaining, unread(m_buffer, m_pos));
            appendBody(take);
            m_chunkRemaining -= take;
            if (m_chunkRemaining > 0)
                return;
            m_state = State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd: {
            // The CRLF after the chunk's data (or a bare LF); nothing else may stand there.
            QByteArray line;
            if (!takeLine(&line)) {
                if (unread(m_buffer, m_pos) > 2)
                    fail(QStringLiteral("protocol"), tr("The server sent a malformed chunked body."));
                return;
            }
            if (!line.isEmpty()) {
                fail(QStringLiteral("protocol"), tr("The server sent a malformed chunked body."));
                return;
            }
            m_state = State::ChunkSize;
            break;
        }
        case State::Trailer: {
            // Trailer fields are read and dropped, with the same caps as the header section.
            QByteArray line;
            if (!takeLine(&line)) {
                if (unread(m_buffer, m_pos) > maxLineBytes ||
                    m_trailerBytes + unread(m_buffer, m_pos) > maxHeaderBytes)
                    fail(QStringLiteral("protocol"), tr("The server sent a malformed chunked body."));
                return;
            }
            if (lineTooLong(line, tr("The server sent a malformed chunked body.")))
                return;
            m_trailerBytes += line.size() + 2;
            if (m_trailerBytes > maxHeaderBytes) {
                fail(QStringLiteral("protocol"), tr("The server sent a malformed chunked body."));
                return;
            }
            if (line.isEmpty())
                complete();
            break;
        }
        case State::Done:
            return;
        }
    }
}

void HttpResponseParser::appendBody(qint64 count)
{
    if (count <= 0)
        return;
    m_body.append(m_buffer.constData() + m_pos, count);
    m_pos += count;
    m_scanned = std::max(m_scanned, m_pos);
}

bool HttpResponseParser::parseStatusLine(const QByteArray& line)
{
    // HTTP/1.1 200 OK
    if (!line.startsWith("HTTP/1.") || line.size() < 12 || line.at(8) != ' ') {
        fail(QStringLiteral("protocol"),
             tr("The server did not answer with HTTP/1.x (\"%1\").")
                 .arg(QString::fromLatin1(line.left(40).toPercentEncoding(" /.:"))));
        return false;
    }
    bool ok = false;
    const int status = line.mid(9, 3).toInt(&ok);
    if (!ok || status < 100 || status > 999 || !std::isdigit(static_cast<unsigned char>(line.at(9)))) {
        fail(QStringLiteral("protocol"), tr("The server sent an invalid HTTP status line."));
        return false;
    }
    m_status = status;
    m_reason = line.mid(13).trimmed();
    return true;
}

void HttpResponseParser::headersComplete()
{
    if (m_status >= 100 && m_status < 200) {
        // 100 Continue and friends: the real answer follows.
        m_headers.clear();
        m_headerBytes = 0;
        m_state = State::Status;
        return;
    }
    m_headComplete = true;
    const bool noBody = m_limits.headRequest || m_status == 204 || m_status == 304;
    if (noBody) {
        complete();
        return;
    }
    if (header("Transfer-Encoding").toLower().contains("chunked")) {
        m_chunked = true;
        m_state = State::ChunkSize;
        return;
    }
    const QByteArray length = header("Content-Length");
    if (!length.isEmpty()) {
        bool ok = false;
        m_contentLength = length.trimmed().toLongLong(&ok);
        if (!ok || m_contentLength < 0) {
            fail(QStringLiteral("protocol"), tr("The server sent an invalid Content-Length."));
            return;
        }
        if (m_contentLength > m_limits.maxBodyBytes) {
            m_bodyTruncated = true;
            fail(QStringLiteral("too-large"),
                 tr("The response body is %1 KiB, more than the %2 KiB limit; it was not read.")
                     .arg(m_contentLength / 1024)
                     .arg(m_limits.maxBodyBytes / 1024));
            return;
        }
        if (m_contentLength == 0) {
            complete();
            return;
        }
    }
    m_state = State::Body;
}

void HttpResponseParser::complete()
{
    m_state = State::Done;
    m_result = Result::Complete;
    m_buffer.clear();
    m_pos = m_scanned = 0;
}

void HttpResponseParser::fail(const QString& code, const QString& error)
{
    m_state = State::Done;
    m_result = Result::Error;
    m_errorCode = code;
    m_error = error;
    m_buffer.clear();
    m_pos = m_scanned = 0;
}

} // namespace gjd
