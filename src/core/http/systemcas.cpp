// SPDX-License-Identifier: GPL-3.0-or-later
#include "systemcas.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QMetaObject>
#include <QPointer>
#include <QSet>
#include <QSslConfiguration>

#include <atomic>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace gjd::systemcas {

namespace {

struct Waiter
{
    QPointer<QObject> context;
    std::function<void()> then;
};

std::once_flag g_started;
std::thread g_loader;
std::atomic<bool> g_ready{false};
QList<QSslCertificate> g_certificates; // written once by the loader, read only after g_ready
std::mutex g_mutex;                    // guards g_waiters
std::vector<Waiter> g_waiters;

void deliver(Waiter waiter)
{
    QObject* context = waiter.context.data();
    if (!context)
        return;
    QMetaObject::invokeMethod(
        context,
        [guard = waiter.context, then = std::move(waiter.then)] {
            if (guard)
                then();
        },
        Qt::QueuedConnection);
}

// The loader must not outlive the application: it runs inside Qt's TLS plugin, which is unloaded
// when the program ends (a program that quits at once crashed in it).
void joinLoader()
{
    if (g_loader.joinable())
        g_loader.join();
}

struct JoinAtExit
{
    ~JoinAtExit() { joinLoader(); }
} g_joinAtExit;

} // namespace

void preload()
{
    std::call_once(g_started, [] {
        if (QCoreApplication::instance())
            qAddPostRoutine(joinLoader);
        g_loader = std::thread([] {
            QList<QSslCertificate> loaded = QSslConfiguration::systemCaCertificates();
            std::vector<Waiter> waiters;
            {
                std::lock_guard<std::mutex> lock(g_mutex);
                g_certificates = std::move(loaded);
                g_ready.store(true);
                waiters.swap(g_waiters);
            }
            for (Waiter& w : waiters)
                deliver(std::move(w));
        });
    });
}

bool ready()
{
    return g_ready.load();
}

QStringList storeDirectories()
{
    return {QStringLiteral("/etc/ssl/certs/"),
            QStringLiteral("/usr/lib/ssl/certs/"),
            QStringLiteral("/usr/share/ssl/"),
            QStringLiteral("/usr/local/ssl/"),
            QStringLiteral("/var/ssl/certs/"),
            QStringLiteral("/usr/local/ssl/certs/"),
            QStringLiteral("/etc/openssl/certs/"),
            QStringLiteral("/opt/openssl/certs/"),
            QStringLiteral("/etc/ssl/")};
}

namespace {

bool hasHashedLinks(const QStringList& directories)
{
    // Qt's own test (QSslSocketPrivate::ensureCiphersAndCertsLoaded): one <hash>.<digit> file.
    const QStringList filter{
        QStringLiteral("[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f].[0-9]")};
    for (const QString& directory : directories) {
        if (QDirIterator(directory, filter, QDir::Files).hasNext())
            return true;
    }
    return false;
}

} // namespace

std::optional<QList<QSslCertificate>> lookUpBySubjectHash(const QStringList& hashes,
                                                          const QStringList& directories)
{
    if (!hasHashedLinks(directories))
        return std::nullopt;
    QList<QSslCertificate> found;
    QSet<QString> seen; // /usr/lib/ssl/certs is often a link to /etc/ssl/certs
    for (const QString& directory : directories) {
        const QString canonical = QFileInfo(directory).canonicalFilePath();
        if (canonical.isEmpty() || seen.contains(canonical))
            continue;
        seen.insert(canonical);
        for (const QString& hash : hashes) {
            // As OpenSSL's directory lookup: .0, .1, … up to the first number that is missing.
            for (int n = 0;; ++n) {
                const QString path =
                    canonical + QLatin1Char('/') + hash + QLatin1Char('.') + QString::number(n);
                if (!QFileInfo::exists(path))
                    break;
                found += QSslCertificate::fromPath(path, QSsl::Pem);
            }
        }
    }
    return found;
}

std::optional<QList<QSslCertificate>> lookUpBySubjectHash(const QStringList& hashes)
{
    return lookUpBySubjectHash(hashes, storeDirectories());
}

bool hashedLookupAvailable()
{
    static const bool available = hasHashedLinks(storeDirectories());
    return available;
}

const QList<QSslCertificate>& certificates()
{
    return g_certificates;
}

void whenReady(QObject* context, std::function<void()> then)
{
    preload();
    Waiter waiter{context, std::move(then)};
    {
        std::lock_guard<std::mutex> lock(g_mutex);
        if (!g_ready.load()) {
            g_waiters.push_back(std::move(waiter));
            return;
        }
    }
    deliver(std::move(waiter));
}

} // namespace gjd::systemcas
