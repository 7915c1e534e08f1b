// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionform.h"

#include "instanceurl.h"
#include "proxyconfig.h"
#include "uistyle.h"

#include <QCheckBox>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProcessEnvironment>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace gjd {

namespace {

// The note for a URL typed with http://: said, never silently changed (InstanceUrl's "http-given").
bool givenAsHttp(const InstanceUrl& url)
{
    if (!url.isValid())
        return false;
    const auto notes = url.notes();
    return std::any_of(notes.cbegin(), notes.cend(),
                       [](const InstanceUrl::Note& n) { return n.code == QLatin1String("http-given"); });
}

// A wrapping label in a form row beside an empty label, as tall as its text at the width it has.
// QFormLayout sizes such a row by the field's sizeHint(), not heightForWidth(): a plain QLabel kept
// the height of its text wrapped at its hint's narrow width, so a long problem (the proxy's) was a
// column of short lines cut off at the top and bottom, or, stretched, had blank lines around it.
class FieldLabel final : public QLabel
{
public:
    using QLabel::QLabel;

    QSize sizeHint() const override
    {
        QSize hint = QLabel::sizeHint();
        if (wordWrap() && width() > 0)
            hint.setHeight(heightForWidth(width()));
        return hint;
    }

protected:
    void resizeEvent(QResizeEvent* event) override
    {
        QLabel::resizeEvent(event);
        updateGeometry(); // converges: the width comes from the column, not from the hint
    }
};

} // namespace

ConnectionForm::ConnectionForm(QWidget* parent)
    : QWidget(parent)
    , m_urlLabel(new QLabel(this))
    , m_urlEdit(new QLineEdit(this))
    , m_urlError(new FieldLabel(this))
    , m_urlNote(new FieldLabel(this))
    , m_tokenLabel(new QLabel(this))
    , m_tokenEdit(new QLineEdit(this))
    , m_publicUrlLabel(new QLabel(this))
    , m_publicUrlEdit(new QLineEdit(this))
    , m_optionsToggle(new QToolButton(this))
    , m_options(new QWidget(this))
    , m_caFileLabel(new QLabel(m_options))
    , m_caFileEdit(new QLineEdit(m_options))
    , m_caFileBrowse(new QToolButton(m_options))
    , m_addressLabel(new QLabel(m_options))
    , m_addressEdit(new QLineEdit(m_options))
    , m_proxyLabel(new QLabel(m_options))
    , m_proxyEdit(new QLineEdit(m_options))
    , m_proxyLoginLabel(new QLabel(m_options))
    , m_proxyUserEdit(new QLineEdit(m_options))
    , m_proxyPasswordEdit(new QLineEdit(m_options))
    , m_noProxyLabel(new QLabel(m_options))
    , m_noProxyEdit(new QLineEdit(m_options))
    , m_proxyDirectCheck(new QCheckBox(m_options))
    , m_form(new QFormLayout)
{
    const auto name = [](QObject* o, const char* n) {
        o->setObjectName(QString::fromLatin1(n));
    };
    name(m_urlEdit, "urlEdit");
    name(m_urlError, "urlError");
    name(m_urlNote, "urlNote");
    name(m_tokenEdit, "tokenEdit");
    name(m_publicUrlEdit, "publicUrlEdit");
    name(m_optionsToggle, "optionsToggle");
    name(m_options, "connectionOptions");
    name(m_caFileEdit, "caFileEdit");
    name(m_caFileBrowse, "caFileBrowse");
    name(m_addressEdit, "addressEdit");
    name(m_proxyEdit, "proxyEdit");
    name(m_proxyUserEdit, "proxyUserEdit");
    name(m_proxyPasswordEdit, "proxyPasswordEdit");
    name(m_noProxyEdit, "noProxyEdit");
    name(m_proxyDirectCheck, "proxyDirectCheck");

    m_urlEdit->setClearButtonEnabled(true);
    for (QLabel* label : {m_urlError, m_urlNote}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        // The whole width of the field column, not the hint's (see FieldLabel).
        QSizePolicy policy = label->sizePolicy();
        policy.setHorizontalPolicy(QSizePolicy::Expanding);
        label->setSizePolicy(policy);
        label->hide();
    }
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_tokenEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    m_proxyPasswordEdit->setEchoMode(QLineEdit::Password);
    m_proxyPasswordEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText |
                                             Qt::ImhSensitiveData);
    m_proxyEdit->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoPredictiveText);
    applyColours();

    m_optionsToggle->setCheckable(true);
    m_optionsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_optionsToggle->setArrowType(Qt::RightArrow);
    m_options->hide();
    connect(m_optionsToggle, &QToolButton::toggled, this, [this](bool on) {
        m_options->setVisible(on);
        m_optionsToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });

    m_caFileBrowse->setText(QStringLiteral("…"));
    connect(m_caFileBrowse, &QToolButton::clicked, this, [this] {
        auto* dialog = new QFileDialog(this, tr("Private CA certificates (PEM)"));
        dialog->setObjectName(QStringLiteral("caFileDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        dialog->setNameFilters({tr("PEM certificates (*.pem *.crt *.cer)"), tr("All files (*)")});
        const QString current = m_caFileEdit->text().trimmed();
        if (!current.isEmpty())
            dialog->selectFile(current);
        connect(dialog, &QFileDialog::fileSelected, m_caFileEdit, &QLineEdit::setText);
        dialog->open();
    });

    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->addRow(m_urlLabel, m_urlEdit);
    m_form->addRow(QString(), m_urlError);
    m_form->addRow(QString(), m_urlNote);
    m_form->addRow(m_tokenLabel, m_tokenEdit);
    m_form->addRow(m_publicUrlLabel, m_publicUrlEdit);
    m_urlLabel->setBuddy(m_urlEdit);
    m_tokenLabel->setBuddy(m_tokenEdit);
    m_publicUrlLabel->setBuddy(m_publicUrlEdit);

    auto* caRow = new QHBoxLayout;
    caRow->setContentsMargins(0, 0, 0, 0);
    caRow->addWidget(m_caFileEdit, 1);
    caRow->addWidget(m_caFileBrowse);
    auto* optionsForm = new QFormLayout(m_options);
    optionsForm->setContentsMargins(0, 0, 0, 0);
    optionsForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    optionsForm->addRow(m_caFileLabel, caRow);
    optionsForm->addRow(m_addressLabel, m_addressEdit);
    optionsForm->addRow(m_proxyLabel, m_proxyEdit);
    auto* loginRow = new QHBoxLayout;
    loginRow->setContentsMargins(0, 0, 0, 0);
    loginRow->addWidget(m_proxyUserEdit, 1);
    loginRow->addWidget(m_proxyPasswordEdit, 1);
    optionsForm->addRow(m_proxyLoginLabel, loginRow);
    optionsForm->addRow(m_noProxyLabel, m_noProxyEdit);
    // Last: it overrides the three rows above it, which grey out when it is ticked.
    optionsForm->addRow(QString(), m_proxyDirectCheck);
    m_caFileLabel->setBuddy(m_caFileEdit);
    m_addressLabel->setBuddy(m_addressEdit);
    m_proxyLabel->setBuddy(m_proxyEdit);
    m_proxyLoginLabel->setBuddy(m_proxyUserEdit);
    m_noProxyLabel->setBuddy(m_noProxyEdit);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_form);
    layout->addWidget(m_optionsToggle, 0, Qt::AlignLeft);
    layout->addWidget(m_options);

    setTabOrder(m_urlEdit, m_tokenEdit);
    setTabOrder(m_tokenEdit, m_publicUrlEdit);
    setTabOrder(m_publicUrlEdit, m_optionsToggle);
    setTabOrder(m_optionsToggle, m_caFileEdit);
    setTabOrder(m_caFileEdit, m_caFileBrowse);
    setTabOrder(m_caFileBrowse, m_addressEdit);
    setTabOrder(m_addressEdit, m_proxyEdit);
    setTabOrder(m_proxyEdit, m_proxyUserEdit);
    setTabOrder(m_proxyUserEdit, m_proxyPasswordEdit);
    setTabOrder(m_proxyPasswordEdit, m_noProxyEdit);
    setTabOrder(m_noProxyEdit, m_proxyDirectCheck);

    for (QLineEdit* edit : {m_urlEdit, m_tokenEdit, m_publicUrlEdit, m_caFileEdit, m_addressEdit, m_proxyEdit,
                            m_proxyUserEdit, m_proxyPasswordEdit, m_noProxyEdit}) {
        connect(edit, &QLineEdit::returnPressed, this, &ConnectionForm::submitted);
        connect(edit, &QLineEdit::textChanged, this, [this, edit] {
            // The token does not change what the other fields say.
            if (edit != m_tokenEdit)
                refresh();
            emit changed();
        });
    }
    // Typed or pasted only: setInput() takes the user info out itself.
    connect(m_proxyEdit, &QLineEdit::textEdited, this, &ConnectionForm::takeProxyUserInfo);
    connect(m_proxyDirectCheck, &QCheckBox::toggled, this, [this] {
        refresh();
        emit changed();
    });
    retranslate();
}

ConnectionInput ConnectionForm::input() const
{
    ConnectionInput in;
    in.url = m_urlEdit->text();
    in.publicUrl = m_publicUrlEdit->text();
    in.caFile = m_caFileEdit->text();
    in.address = m_addressEdit->text();
    in.proxy = m_proxyEdit->text();
    in.proxyUser = m_proxyUserEdit->text();
    in.proxyPassword = m_proxyPasswordEdit->text();
    in.noProxy = m_noProxyEdit->text();
    in.proxyDirect = m_proxyDirectCheck->isChecked();
    return in;
}

void ConnectionForm::setInput(const ConnectionInput& input)
{
    m_urlEdit->setText(input.url);
    m_publicUrlEdit->setText(input.publicUrl);
    m_caFileEdit->setText(input.caFile);
    m_addressEdit->setText(input.address);
    QString proxy;
    QString user = input.proxyUser;
    QString password = input.proxyPassword;
    if (splitProxyUserInfo(input.proxy, &proxy, &user, &password) && !input.proxyUser.isEmpty()) {
        user = input.proxyUser; // the login fields' values win, as in buildRunOptions()
        password = input.proxyPassword;
    }
    m_proxyEdit->setText(proxy);
    m_proxyUserEdit->setText(user);
    m_proxyPasswordEdit->setText(password);
    m_noProxyEdit->setText(input.noProxy);
    m_proxyDirectCheck->setChecked(input.proxyDirect);
    if (!input.caFile.trimmed().isEmpty() || !input.address.trimmed().isEmpty() ||
        !input.proxy.trimmed().isEmpty() || !input.noProxy.trimmed().isEmpty() || input.proxyDirect)
        setOptionsExpanded(true);
}

QWidget* ConnectionForm::lastField() const
{
    return m_proxyDirectCheck;
}

void ConnectionForm::takeProxyUserInfo()
{
    QString url;
    QString user;
    QString password;
    if (!splitProxyUserInfo(m_proxyEdit->text(), &url, &user, &password))
        return;
    // setText() also clears the field's undo history: Ctrl+Z does not bring the password back.
    m_proxyUserEdit->setText(user);
    m_proxyPasswordEdit->setText(password);
    m_proxyEdit->setText(url);
}

QString ConnectionForm::problem() const
{
    ConnectionInput in = input();
    // An empty URL is not a problem yet, but what the other fields hold may be: they are judged
    // against a stand-in (".invalid" is never a real host).
    if (in.url.trimmed().isEmpty())
        in.url = QStringLiteral("https://gitlab.invalid");
    // The CA file is judged on its own and only when it changed: this runs on every keystroke in
    // any field, and a bundle of a few hundred certificates takes a while to parse.
    const QString caFile = std::exchange(in.caFile, QString()).trimmed();
    QString error;
    if (!buildRunOptions(in, &error))
        return error;
    return caFileProblem(caFile);
}

QString ConnectionForm::caFileProblem(const QString& path) const
{
    if (path.isEmpty())
        return {};
    const QFileInfo info(path);
    const QString key = QStringLiteral("%1\n%2\n%3\n%4")
                            .arg(path, info.absoluteFilePath())
                            .arg(info.size())
                            .arg(info.lastModified().toMSecsSinceEpoch());
    if (key != m_caFileKey) {
        ConnectionInput alone;
        alone.url = QStringLiteral("https://gitlab.invalid");
        alone.caFile = path;
        alone.proxyDirect = true; // the proxy is problem()'s, not the file's
        QString error;
        m_caFileError = buildRunOptions(alone, &error) ? QString() : error;
        m_caFileKey = key;
    }
    return m_caFileError;
}

bool ConnectionForm::isComplete(bool tokenRequired) const
{
    return !m_urlEdit->text().trimmed().isEmpty() && problem().isEmpty() &&
           (!tokenRequired || !m_tokenEdit->text().trimmed().isEmpty());
}

void ConnectionForm::setFieldsEnabled(bool enabled)
{
    m_fieldsEnabled = enabled;
    for (QWidget* w : std::initializer_list<QWidget*>{m_urlEdit, m_tokenEdit, m_publicUrlEdit, m_caFileEdit,
                                                      m_caFileBrowse, m_addressEdit, m_proxyDirectCheck})
        w->setEnabled(enabled);
    refresh();
}

void ConnectionForm::setOptionsExpanded(bool expanded)
{
    m_optionsToggle->setChecked(expanded);
}

bool ConnectionForm::optionsExpanded() const
{
    return m_optionsToggle->isChecked();
}

void ConnectionForm::setTokenRequired(bool required)
{
    m_tokenRequired = required;
    retranslate();
}

void ConnectionForm::addBelowToken(QWidget* widget)
{
    int row = 0;
    QFormLayout::ItemRole role;
    m_form->getWidgetPosition(m_tokenEdit, &row, &role);
    m_form->insertRow(row + 1, QString(), widget);
    setTabOrder(m_tokenEdit, widget);
    setTabOrder(widget, m_publicUrlEdit);
}

void ConnectionForm::refresh()
{
    // "Connect directly" overrides the proxy fields; a login needs a proxy typed here (the
    // environment's proxy brings its own, in its URL).
    const bool direct = m_proxyDirectCheck->isChecked();
    m_proxyEdit->setEnabled(m_fieldsEnabled && !direct);
    m_noProxyEdit->setEnabled(m_fieldsEnabled && !direct);
    const bool login = m_fieldsEnabled && !direct && !m_proxyEdit->text().trimmed().isEmpty();
    m_proxyUserEdit->setEnabled(login);
    m_proxyPasswordEdit->setEnabled(login);

    const QString problem = this->problem();
    m_urlError->setText(problem);
    m_urlError->setVisible(!problem.isEmpty());

    QStringList notes;
    const InstanceUrl url = InstanceUrl::parse(m_urlEdit->text().trimmed());
    if (givenAsHttp(url))
        notes.append(tr("GitLab.com and Jira Cloud connect over HTTPS only: %1 is what will be checked.")
                         .arg(url.toString()));
    const InstanceUrl publicUrl = InstanceUrl::parse(m_publicUrlEdit->text().trimmed());
    if (givenAsHttp(publicUrl))
        notes.append(
            tr("Public URL: GitLab.com and Jira Cloud connect over HTTPS only: %1 is what will be checked.")
                .arg(publicUrl.toString()));
    m_urlNote->setText(notes.join(QLatin1Char('\n')));
    m_urlNote->setVisible(!notes.isEmpty());
}

void ConnectionForm::applyColours()
{
    QPalette errorPalette = m_urlError->palette();
    errorPalette.setColor(QPalette::WindowText, errorTextColour(palette()));
    m_urlError->setPalette(errorPalette);
    QPalette notePalette = m_urlNote->palette();
    notePalette.setColor(QPalette::WindowText, secondaryTextColour(palette(), QPalette::Window));
    m_urlNote->setPalette(notePalette);
}

void ConnectionForm::retranslate()
{
    m_urlLabel->setText(tr("Instance &URL:"));
    m_urlEdit->setPlaceholderText(tr("https://gitlab.example.com"));
    m_tokenLabel->setText(tr("Administrator &token:"));
    m_tokenEdit->setPlaceholderText(m_tokenRequired
                                        ? tr("a personal access token with the scope api")
                                        : tr("optional: enables the GitLab settings checks (scope api)"));
    m_tokenEdit->setAccessibleName(tr("Administrator token"));
    m_publicUrlLabel->setText(tr("&Public URL:"));
    m_publicUrlEdit->setPlaceholderText(tr("optional: the reverse-proxy URL Jira uses, when it differs"));
    m_optionsToggle->setText(tr("Connection &options"));
    m_caFileLabel->setText(tr("Private C&A file:"));
    m_caFileEdit->setPlaceholderText(tr("optional: PEM certificates of a private CA"));
    m_caFileBrowse->setToolTip(tr("Choose a file"));
    m_caFileBrowse->setAccessibleName(tr("Choose the private CA file"));
    m_addressLabel->setText(tr("Connect to a&ddress:"));
    m_addressEdit->setPlaceholderText(
        tr("optional: an IP address, to check a server before DNS points at it"));
    m_proxyLabel->setText(tr("Proxy ser&ver:"));
    m_proxyEdit->setToolTip(
        tr("An HTTP proxy, http://host:port, that the connections tunnel through (CONNECT). Empty: the "
           "proxy from HTTPS_PROXY, https_proxy or ALL_PROXY, as curl uses it."));
    m_proxyEdit->setAccessibleName(tr("Proxy server"));
    m_proxyLoginLabel->setText(tr("Proxy lo&gin:"));
    m_proxyUserEdit->setPlaceholderText(tr("user name, if the proxy asks"));
    m_proxyUserEdit->setAccessibleName(tr("Proxy user name"));
    m_proxyPasswordEdit->setPlaceholderText(tr("password"));
    m_proxyPasswordEdit->setAccessibleName(tr("Proxy password"));
    m_noProxyLabel->setText(tr("No proxy &for:"));
    m_noProxyEdit->setToolTip(
        tr("Hosts reached directly, separated by commas: names (with their subdomains), addresses and "
           "CIDR blocks, as in NO_PROXY. Empty: NO_PROXY's."));
    m_noProxyEdit->setAccessibleName(tr("No proxy for"));
    m_proxyDirectCheck->setText(tr("Connect directly, &without a proxy (ignore HTTPS_PROXY)"));
    updateProxyPlaceholders();
    refresh();
    padBuddyLabels(this);
}

void ConnectionForm::updateProxyPlaceholders()
{
    // What an empty field stands for. Never the user info: display() leaves it out.
    QString error;
    const ProxyConfig environment =
        ProxyConfig::fromEnvironment(QProcessEnvironment::systemEnvironment(), &error);
    QString proxy;
    if (!error.isEmpty())
        proxy = tr("from the environment: not usable (said above)");
    else if (const auto server = environment.proxyFor(QStringLiteral("https"), QString()))
        proxy = tr("from the environment: %1").arg(server->display());
    else
        proxy = tr("none (direct connection)");
    m_proxyEdit->setPlaceholderText(proxy);
    const QStringList noProxy = environment.noProxy();
    m_noProxyEdit->setPlaceholderText(
        noProxy.isEmpty() ? tr("optional: hosts reached directly, e.g. .corp.example, 10.0.0.0/8")
                          : tr("from the environment: %1").arg(noProxy.join(QLatin1String(", "))));
}

void ConnectionForm::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        applyColours();
}

} // namespace gjd
