// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the fake servers (FakeGitLab, FakeJira) share: failure injection and small HTTP helpers.

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QList>
#include <QPair>
#include <QRandomGenerator>
#include <QString>
#include <QTcpServer>

#include <algorithm>
#include <functional>
#include <optional>

namespace gjd::test {

// The suite's clock: GJD_NOW, which ctest pins for every test (tests/CMakeLists.txt), else the
// system clock. The fakes and the tests read dates from here so that they agree with the product
// (src/core/clock.h) on what "today" is, whatever day the suite runs on.
inline QDateTime suiteNow()
{
    if (!qEnvironmentVariableIsSet("GJD_NOW"))
        return QDateTime::currentDateTimeUtc();
    const QString text = qEnvironmentVariable("GJD_NOW").trimmed();
    const QDateTime pinned = QDateTime::fromString(text, Qt::ISODate);
    // The same rule as the product's (src/core/clock.cpp): an instant with a zone, or nothing.
    if (!pinned.isValid() || !(text.endsWith(QLatin1Char('Z')) || text.contains(QLatin1Char('+')) ||
                               text.lastIndexOf(QLatin1Char('-')) > 9))
        qFatal("GJD_NOW=%s is not an instant with a time zone", qPrintable(text));
    return pinned.toUTC();
}

inline QDate suiteToday()
{
    return suiteNow().date();
}

// Listens on 127.0.0.1:PORT (0: any free port) with a long accept queue: one fake stands in for
// many servers at once (bench/fleet.sh sends every instance's connections here together), and a
// short queue (QTcpServer's default is 50) drops SYNs that the client retransmits only after 1 s.
// Returns the port, or 0.
inline quint16 listenOnLoopback(QAbstractHttpServer& server, quint16 port)
{
    auto* tcp = new QTcpServer(&server);
    tcp->setListenBacklogSize(4096);
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        delete tcp;
        return 0;
    }
    server.bind(tcp);
    return tcp->serverPort();
}

// What the failure injector makes a fake do instead of answering like the real server.
struct FakeFailure
{
    enum class Kind
    {
        Status,
        DropConnection,
        Stall
    };
    Kind kind = Kind::Status;
    int status = 500;
    QByteArray body;
    QByteArray contentType;

    static FakeFailure httpStatus(int status, const QByteArray& body = {},
                                  const QByteArray& contentType = "text/plain")
    {
        FakeFailure f;
        f.status = status;
        f.body = body;
        f.contentType = contentType;
        return f;
    }
    // Reset the TCP connection without a response.
    static FakeFailure dropConnection()
    {
        FakeFailure f;
        f.kind = Kind::DropConnection;
        return f;
    }
    // Keep the connection open, never answer.
    static FakeFailure stall()
    {
        FakeFailure f;
        f.kind = Kind::Stall;
        return f;
    }
};

// failNext() entries (method + path, N times) first, then the injector. `Request` is the fake's
// logged request type (it has `method` and `path`).
template <typename Request> class FailureQueue
{
public:
    using Injector = std::function<std::optional<FakeFailure>(const Request&)>;

    void add(const QByteArray& method, const QString& path, const FakeFailure& failure, int times)
    {
        m_pending.append(Pending{method, path, failure, times});
    }
    void setInjector(Injector injector) { m_injector = std::move(injector); }
    void clear()
    {
        m_pending.clear();
        m_injector = nullptr;
    }

    // The failure for this request, if any; `alsoPath` is another spelling of its path (the
    // path inside a relative root).
    std::optional<FakeFailure> take(const Request& request, const QString& alsoPath = QString())
    {
        for (qsizetype i = 0; i < m_pending.size(); ++i) {
            Pending& pending = m_pending[i];
            if ((pending.method == "*" || pending.method == request.method) &&
                (pending.path == request.path || (!alsoPath.isEmpty() && pending.path == alsoPath))) {
                const FakeFailure failure = pending.failure;
                if (--pending.remaining <= 0)
                    m_pending.removeAt(i);
                return failure;
            }
        }
        if (m_injector)
            return m_injector(request);
        return std::nullopt;
    }

private:
    struct Pending
    {
        QByteArray method;
        QString path;
        FakeFailure failure;
        int remaining = 1;
    };
    QList<Pending> m_pending;
    Injector m_injector;
};

namespace fake {

using Headers = QList<QPair<QByteArray, QByteArray>>;

inline QByteArray headerIn(const Headers& headers, const QByteArray& name)
{
    for (const auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

inline bool hasHeaderIn(const Headers& headers, const QByteArray& name)
{
    return std::any_of(headers.cbegin(), headers.cend(), [&name](const auto& header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

inline QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (auto& c : raw)
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return raw.toHex();
}

inline QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

} // namespace fake
} // namespace gjd::test
