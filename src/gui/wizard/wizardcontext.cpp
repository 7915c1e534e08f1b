// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizardcontext.h"

#include "instanceurl.h"
#include "uisettings.h"

#include <QSettings>
#include <QTimer>

#include <memory>

namespace gjd::wizard {

namespace {

const QString kSettingsGroup = QStringLiteral("wizard");

// URLs are kept as normalised (https, no trailing slash), as the next run should show them.
QString normalised(const QString& text)
{
    const InstanceUrl url = InstanceUrl::parse(text.trimmed());
    return url.isValid() ? url.toString() : text.trimmed();
}

} // namespace

WizardContext::WizardContext(CredentialStore* store, QObject* parent)
    : QObject(parent)
    , m_store(store)
{
}

std::optional<RunOptions> WizardContext::runOptions(QString* error) const
{
    QString problem;
    std::optional<RunOptions> o = buildRunOptions(connection, &problem);
    if (!o) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    o->trustStore = trustStore; // empty: the system store, loaded in the background
    o->trustStoreSource = trustStore.isEmpty() ? QStringLiteral("system") : trustStoreSource;
    o->resolve = resolve + o->resolve;
    o->frontend = Frontend::Desktop;
    // New installs and moves alike end on the Marketplace app; `configure --method manual|proxy`
    // remains for keeping an existing legacy install in shape.
    o->method = methodId(Method::Marketplace);
    return o;
}

Credentials WizardContext::credentials() const
{
    Credentials c;
    c.gitlabToken = gitlabToken;
    c.jiraToken = jiraToken;
    return c;
}

QString WizardContext::instanceUrl() const
{
    const InstanceUrl url = InstanceUrl::parse(connection.url);
    return url.isValid() ? url.toString() : QString();
}

bool WizardContext::startPlan(bool replaceMisconfigured, QString* error)
{
    const std::optional<RunOptions> run = runOptions(error);
    if (!run)
        return false;
    SetupOptions options;
    options.run = *run;
    options.replaceMisconfigured = replaceMisconfigured;
    options.removeOldApplication = movingLegacy && removeOldApplication;
    m_job.cancel();
    if (m_job.isRunning()) {
        // A request is being aborted: the new job starts once this one has ended.
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(&m_job, &SetupJob::finished, this, [this, once, options] {
            disconnect(*once);
            QTimer::singleShot(0, this, [this, options] { m_job.start(options, credentials()); });
        });
        return true;
    }
    if (m_job.start(options, credentials()))
        return true;
    if (error)
        *error = tr("The setup could not start: check the URL on the first page.");
    return false;
}

void WizardContext::load()
{
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    connection.url = settings.value(QStringLiteral("url")).toString();
    connection.publicUrl = settings.value(QStringLiteral("publicUrl")).toString();
    connection.caFile = settings.value(QStringLiteral("caFile")).toString();
    connection.address = settings.value(QStringLiteral("address")).toString();
    connection.jiraSite = settings.value(QStringLiteral("jiraSite")).toString();
    connection.jiraEmail = settings.value(QStringLiteral("jiraEmail")).toString();
    rememberToken = settings.value(QStringLiteral("rememberToken"), false).toBool();
    rememberJiraToken = settings.value(QStringLiteral("rememberJiraToken"), false).toBool();
    settings.endGroup();
    // The proxy is the pane's too (uisettings.h); its login is never kept.
    const uisettings::ProxyFields proxy = uisettings::proxyFields();
    connection.proxy = proxy.proxy;
    connection.noProxy = proxy.noProxy;
    connection.proxyDirect = proxy.direct;
}

void WizardContext::save() const
{
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    settings.setValue(QStringLiteral("url"), normalised(connection.url));
    settings.setValue(QStringLiteral("publicUrl"), normalised(connection.publicUrl));
    settings.setValue(QStringLiteral("rememberToken"), rememberToken);
    settings.setValue(QStringLiteral("caFile"), connection.caFile.trimmed());
    settings.setValue(QStringLiteral("address"), connection.address.trimmed());
    // The path (new install or move) is not kept: the next run decides it from GitLab's settings.
    settings.remove(QStringLiteral("method"));
    settings.setValue(QStringLiteral("jiraSite"), connection.jiraSite.trimmed());
    settings.setValue(QStringLiteral("jiraEmail"), connection.jiraEmail.trimmed());
    settings.setValue(QStringLiteral("rememberJiraToken"), rememberJiraToken);
    settings.endGroup();
    uisettings::setProxyFields({connection.proxy, connection.noProxy, connection.proxyDirect},
                               connection.proxyUser, connection.proxyPassword);
}

void WizardContext::cancelAll()
{
    m_job.cancel();
    emit cancelRequested();
}

} // namespace gjd::wizard
