// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionform.h"

#include "instanceurl.h"
#include "uistyle.h"

#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
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

} // namespace

ConnectionForm::ConnectionForm(QWidget* parent)
    : QWidget(parent)
    , m_urlLabel(new QLabel(this))
    , m_urlEdit(new QLineEdit(this))
    , m_urlError(new QLabel(this))
    , m_urlNote(new QLabel(this))
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

    m_urlEdit->setClearButtonEnabled(true);
    for (QLabel* label : {m_urlError, m_urlNote}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->hide();
    }
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_tokenEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
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
    m_caFileLabel->setBuddy(m_caFileEdit);
    m_addressLabel->setBuddy(m_addressEdit);

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

    for (QLineEdit* edit : {m_urlEdit, m_tokenEdit, m_publicUrlEdit, m_caFileEdit, m_addressEdit}) {
        connect(edit, &QLineEdit::returnPressed, this, &ConnectionForm::submitted);
        connect(edit, &QLineEdit::textChanged, this, [this, edit] {
            // The token does not change what the other fields say.
            if (edit != m_tokenEdit)
                refresh();
            emit changed();
        });
    }
    retranslate();
}

ConnectionInput ConnectionForm::input() const
{
    ConnectionInput in;
    in.url = m_urlEdit->text();
    in.publicUrl = m_publicUrlEdit->text();
    in.caFile = m_caFileEdit->text();
    in.address = m_addressEdit->text();
    return in;
}

void ConnectionForm::setInput(const ConnectionInput& input)
{
    m_urlEdit->setText(input.url);
    m_publicUrlEdit->setText(input.publicUrl);
    m_caFileEdit->setText(input.caFile);
    m_addressEdit->setText(input.address);
    if (!input.caFile.trimmed().isEmpty() || !input.address.trimmed().isEmpty())
        setOptionsExpanded(true);
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
    refresh();
    padBuddyLabels(this);
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
