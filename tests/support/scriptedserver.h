// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A TLS server on 127.0.0.1 with the test PKI that records every request head byte for byte
// (before any HTTP library could merge repeated header lines) and answers what the test scripts.
// tst_httpexchange drives the HTTP client with it; tst_requestheaders records a whole run.

#include "testpki.h"

#include <QSslServer>
#include <QSslSocket>
#include <QUrl>

#include <functional>
#include <memory>

namespace gjd::test {

// A TLS server that answers every request with what the test scripts: given the request head,
// the bytes to send, and whether to close afterwards (or to stall, keeping the connection open).
class ScriptedServer final : public QSslServer
{
public:
    struct Answer
    {
        QByteArray bytes;
        bool close = true;
        int repeat = 1; // send `bytes` this many times (for huge bodies)
    };
    std::function<Answer(const QByteArray& requestHead)> script;
    QList<QByteArray> requests;

    ScriptedServer()
    {
        setSslConfiguration(serverConfiguration());
        listen(QHostAddress::LocalHost);
        connect(this, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (auto* socket = qobject_cast<QSslSocket*>(nextPendingConnection())) {
                socket->setParent(this);
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QSslSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    const int end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const QByteArray head = buffer->left(end + 4);
                    buffer->clear();
                    requests.append(head);
                    const Answer answer = script(head);
                    for (int i = 0; i < answer.repeat && socket->state() == QAbstractSocket::ConnectedState;
                         ++i)
                        socket->write(answer.bytes);
                    if (answer.close)
                        socket->disconnectFromHost();
                });
            }
        });
    }

    QUrl url(const QString& path = QStringLiteral("/")) const
    {
        return QUrl(QStringLiteral("https://gitlab.test:%1%2").arg(serverPort()).arg(path));
    }
};

} // namespace gjd::test
