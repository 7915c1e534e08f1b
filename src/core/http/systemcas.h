// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QStringList>

#include <functional>
#include <optional>

// The system's CA certificates, loaded once in a background thread. Reading the system store
// parses every file in /etc/ssl/certs and takes from tens to hundreds of milliseconds; done on
// the UI thread at the first request with a token, it froze the window (and it was repeated for
// every such request). On a busy machine it took seconds, and the program's exit waits for it:
// start it only where the whole store is needed (verifying a server before sending a token). A
// question about a few names is answered by lookUpBySubjectHash() instead, from a few files.
namespace gjd::systemcas {

// Starts loading in a background thread; later calls do nothing.
void preload();
bool ready();
// The loaded certificates; only valid once ready() (call whenReady() otherwise).
const QList<QSslCertificate>& certificates();
// Calls `then` in `context`'s thread once the certificates are loaded: queued, also when they
// are loaded already. Nothing is called if `context` is destroyed first.
void whenReady(QObject* context, std::function<void()> then);

// The directories Qt reads the system store from (QSslSocketPrivate::unixRootCertDirectories()
// of Qt 6.4, in its order).
QStringList storeDirectories();

// The certificates of `directories` whose subject-name hash is one of `hashes` (OpenSSL's
// X509_NAME_hash_ex, 8 hex digits), read from the links of OpenSSL's hashed layout
// (`openssl rehash`: <hash>.0, <hash>.1, …): the lookup OpenSSL itself, and Qt's verification of
// a peer, make in the system store. Nothing is parsed but those few files. nullopt when no
// directory has such links (the test Qt makes before it trusts on-demand loading): then only the
// whole store, certificates(), can answer.
std::optional<QList<QSslCertificate>> lookUpBySubjectHash(const QStringList& hashes,
                                                          const QStringList& directories);
// The same in storeDirectories().
std::optional<QList<QSslCertificate>> lookUpBySubjectHash(const QStringList& hashes);
// Whether storeDirectories() have hashed links (looked up once per process).
bool hashedLookupAvailable();

} // namespace gjd::systemcas
