// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A real HTTP proxy for the GUI tests (tst_diagnosticspage, tst_fleetpage), the proxy variables
// set for one test only, and the settings file, where the proxy's password must never be.

#include "nginxserver.h"

#include <QFile>
#include <QHostAddress>
#include <QList>
#include <QProcess>
#include <QSettings>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <utility>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace gjd::test {

inline const char* const kProxyVariables[] = {"https_proxy", "HTTPS_PROXY", "http_proxy", "all_proxy",
                                              "ALL_PROXY",   "no_proxy",    "NO_PROXY"};

// Sets the proxy variables for one test and puts back what ctest gave (empty: none) afterwards.
class ProxyEnvironment final
{
public:
    explicit ProxyEnvironment(const QList<std::pair<const char*, QByteArray>>& values)
    {
        for (const char* name : kProxyVariables) {
            m_saved.append({name, qgetenv(name)});
            qunsetenv(name);
        }
        for (const auto& [name, value] : values)
            qputenv(name, value);
    }
    ~ProxyEnvironment()
    {
        for (const auto& [name, value] : m_saved)
            qputenv(name, value);
    }
    ProxyEnvironment(const ProxyEnvironment&) = delete;
    ProxyEnvironment& operator=(const ProxyEnvironment&) = delete;

private:
    QList<std::pair<const char*, QByteArray>> m_saved;
};

// A real HTTP proxy from Debian on 127.0.0.1, as tests/integration/proxy_test.sh starts it: CONNECT
// to any port, Basic authentication when `user` is given, a log that names every CONNECT.
class TinyProxy final
{
public:
    TinyProxy()
    {
#ifdef Q_OS_LINUX
        // Ended with the test process, whatever ends it (as NginxServer does).
        const pid_t parent = getpid();
        m_process.setChildProcessModifier([parent] {
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (::getppid() != parent)
                ::_exit(1);
        });
#endif
        m_process.setProcessChannelMode(QProcess::MergedChannels);
    }
    ~TinyProxy()
    {
        m_process.terminate();
        m_process.waitForFinished(3000);
    }
    TinyProxy(const TinyProxy&) = delete;
    TinyProxy& operator=(const TinyProxy&) = delete;

    bool start(const QString& user, const QString& password)
    {
        const QList<quint16> ports = gjd::test::freeLocalPorts(1);
        if (ports.isEmpty() || !m_dir.isValid())
            return false;
        m_port = ports.constFirst();
        QFile config(m_dir.filePath(QStringLiteral("tinyproxy.conf")));
        if (!config.open(QIODevice::WriteOnly))
            return false;
        QString text = QStringLiteral("Port %1\nListen 127.0.0.1\nTimeout 30\nLogFile \"%2\"\nLogLevel Info\n"
                                      "PidFile \"%3\"\nMaxClients 20\nAllow 127.0.0.1\n")
                           .arg(m_port)
                           .arg(logPath(), m_dir.filePath(QStringLiteral("tinyproxy.pid")));
        if (!user.isEmpty())
            text += QStringLiteral("BasicAuth %1 %2\n").arg(user, password);
        config.write(text.toUtf8());
        config.close();
        m_process.start(QStringLiteral("tinyproxy"),
                        {QStringLiteral("-d"), QStringLiteral("-c"), config.fileName()});
        if (!m_process.waitForStarted(5000))
            return false;
        for (int i = 0; i < 100 && m_process.state() == QProcess::Running; ++i) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            if (probe.waitForConnected(200))
                return true;
            QTest::qWait(50);
        }
        return false;
    }
    quint16 port() const
    {
        return m_port;
    }
    QString url() const
    {
        return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
    }
    // How many tunnels to 127.0.0.1:`port` the proxy was asked for.
    int connectsTo(quint16 port) const
    {
        QFile log(logPath());
        if (!log.open(QIODevice::ReadOnly))
            return 0;
        return int(log.readAll().count(QStringLiteral("CONNECT 127.0.0.1:%1 ").arg(port).toUtf8()));
    }
    QString output()
    {
        return QString::fromLocal8Bit(m_process.readAll());
    }

private:
    QString logPath() const
    {
        return m_dir.filePath(QStringLiteral("tinyproxy.log"));
    }

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

// The settings file as written, for what must never be in it.
inline QByteArray settingsBytes()
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace gjd::test
