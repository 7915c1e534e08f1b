// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QSslCertificate>

#include <functional>

// The system's CA certificates, loaded once in a background thread. Reading the system store
// parses every file in /etc/ssl/certs and takes from tens to hundreds of milliseconds; done on
// the UI thread at the first request with a token, it froze the window (and it was repeated for
// every such request).
namespace gjd::systemcas {

// Starts loading in a background thread; later calls do nothing.
void preload();
bool ready();
// The loaded certificates; only valid once ready() (call whenReady() otherwise).
const QList<QSslCertificate>& certificates();
// Calls `then` in `context`'s thread once the certificates are loaded: queued, also when they
// are loaded already. Nothing is called if `context` is destroyed first.
void whenReady(QObject* context, std::function<void()> then);

} // namespace gjd::systemcas
