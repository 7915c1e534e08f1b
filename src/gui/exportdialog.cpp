// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportdialog.h"

#include "uistyle.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace gjd {

namespace {

constexpr int kPathRole = Qt::UserRole + 1;

} // namespace

ExportDialog::ExportDialog(const Report& report, const QList<QByteArray>& secrets, QWidget* parent)
    : QDialog(parent)
    , m_report(report)
    , m_secrets(secrets)
    , m_intro(new QLabel(this))
    , m_secretsRadio(new QRadioButton(this))
    , m_identitiesRadio(new QRadioButton(this))
    , m_levelHint(new QLabel(this))
    , m_fileList(new QListWidget(this))
    , m_fileView(new QPlainTextEdit(this))
    , m_summary(new QLabel(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_saveButton(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("exportDialog"));
    m_secretsRadio->setObjectName(QStringLiteral("secretsRadio"));
    m_identitiesRadio->setObjectName(QStringLiteral("identitiesRadio"));
    m_fileList->setObjectName(QStringLiteral("fileList"));
    m_fileView->setObjectName(QStringLiteral("fileView"));
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_saveButton->setObjectName(QStringLiteral("saveButton"));

    for (QLabel* label : {m_intro, m_levelHint, m_summary, m_error}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
    }
    applyColours();
    m_error->hide();
    // The saved path can be copied from the summary.
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* group = new QButtonGroup(this);
    group->addButton(m_secretsRadio);
    group->addButton(m_identitiesRadio);
    m_secretsRadio->setChecked(true);
    connect(m_secretsRadio, &QRadioButton::toggled, this, &ExportDialog::rebuild);

    // What leaves the machine, byte for byte: the files on the left, the selected one's text on
    // the right, monospace and unwrapped so that nothing is hidden by the layout.
    m_fileView->setReadOnly(true);
    m_fileView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_fileView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_fileList);
    splitter->addWidget(m_fileView);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({330, 620});
    connect(m_fileList, &QListWidget::currentRowChanged, this, &ExportDialog::showFile);

    m_saveButton->setDefault(true);
    m_saveButton->setIcon(QIcon::fromTheme(QStringLiteral("document-save-as")));
    connect(m_saveButton, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    // Cancel before a save; Close once saved (the export exists: accepted).
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_savedPath.isEmpty())
            reject();
        else
            accept();
    });
    // The Save button chooses a file first; once it is written, Close accepts.
    disconnect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    auto* levels = new QHBoxLayout;
    levels->addWidget(m_secretsRadio);
    levels->addWidget(m_identitiesRadio);
    levels->addStretch(1);
    layout->addLayout(levels);
    layout->addWidget(m_levelHint);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(&m_builder, &QFutureWatcher<ExportBundle>::finished, this, &ExportDialog::onBuilt);
    connect(&m_writer, &QFutureWatcher<QString>::finished, this, &ExportDialog::onWritten);
    resize(960, 640);
    retranslate();
    rebuild();
}

RedactionLevel ExportDialog::level() const
{
    return m_identitiesRadio->isChecked() ? RedactionLevel::Identities : RedactionLevel::Secrets;
}

void ExportDialog::setLevel(RedactionLevel level)
{
    (level == RedactionLevel::Identities ? m_identitiesRadio : m_secretsRadio)->setChecked(true);
}

void ExportDialog::rebuild()
{
    if (m_builder.isRunning()) {
        m_rebuildPending = true; // the level changed while building: build again when done
        return;
    }
    ExportBundle::Options options;
    options.level = level();
    options.secrets = m_secrets;
    const Report report = m_report;
    m_fileList->clear();
    m_fileView->clear();
    m_summary->setText(tr("Preparing the export…"));
    m_error->hide();
    m_builder.setFuture(QtConcurrent::run([report, options] { return ExportBundle::make(report, options); }));
    updateButtons();
}

void ExportDialog::onBuilt()
{
    if (m_rebuildPending) {
        m_rebuildPending = false;
        rebuild();
        return;
    }
    m_bundle = m_builder.result();
    const QString current = QStringLiteral("report.md");
    m_fileList->clear();
    qint64 total = 0;
    int select = 0;
    for (const BundleFile& f : m_bundle.files()) {
        auto* item = new QListWidgetItem(
            QStringLiteral("%1  (%2)").arg(f.path, QLocale().formattedDataSize(f.content.size())),
            m_fileList);
        item->setData(kPathRole, f.path);
        if (f.path == current)
            select = m_fileList->count() - 1;
        total += f.content.size();
    }
    m_fileList->setCurrentRow(select);
    if (!m_bundle.error().isEmpty()) {
        m_summary->clear();
        m_error->setText(m_bundle.error());
        m_error->show();
    } else {
        m_summary->setText(
            tr("%n file(s), %1 before compression. Tokens, cookies, Authorization values, OAuth secrets and "
               "Jira tokens are removed.",
               nullptr, int(m_bundle.files().size()))
                .arg(QLocale().formattedDataSize(total)) +
            (level() == RedactionLevel::Identities
                 ? QLatin1Char(' ') +
                       tr("Host names, addresses, emails, account ids and user names are "
                          "pseudonyms; certificates are listed by fingerprint and validity only.")
                 : QString()));
    }
    updateButtons();
    emit ready();
}

void ExportDialog::updateButtons()
{
    const bool idle = !isBusy();
    m_saveButton->setEnabled(idle && m_bundle.error().isEmpty() && !m_bundle.files().isEmpty());
    m_secretsRadio->setEnabled(!m_writer.isRunning());
    m_identitiesRadio->setEnabled(!m_writer.isRunning());
    m_fileList->setEnabled(!m_builder.isRunning());
}

void ExportDialog::showFile()
{
    const QListWidgetItem* item = m_fileList->currentItem();
    const BundleFile* f = item ? m_bundle.file(item->data(kPathRole).toString()) : nullptr;
    m_fileView->setPlainText(f ? QString::fromUtf8(f->content) : QString());
}

QString ExportDialog::suggestedFileName() const
{
    const QString when = m_report.generatedAt.toUTC().toString(QStringLiteral("yyyyMMdd-HHmm"));
    QString host =
        level() == RedactionLevel::Identities ? QStringLiteral("export") : QUrl(m_report.url).host();
    host.replace(QLatin1Char(':'), QLatin1Char('-'));
    if (host.isEmpty())
        host = QStringLiteral("export");
    return QStringLiteral("gitlab-jira-doctor-%1-%2.zip").arg(host, when);
}

void ExportDialog::chooseFile()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    auto* dialog = new QFileDialog(this, tr("Save the troubleshooting export"),
                                   QDir(folder).filePath(suggestedFileName()));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilters({tr("Troubleshooting exports (*.zip)")});
    dialog->setDefaultSuffix(QStringLiteral("zip"));
    connect(dialog, &QFileDialog::fileSelected, this, &ExportDialog::saveTo);
    dialog->open();
}

void ExportDialog::saveTo(const QString& path)
{
    if (isBusy() || m_bundle.files().isEmpty()) {
        emit saveFailed(tr("The export is not ready yet."));
        return;
    }
    m_savingTo = path;
    m_error->hide();
    m_summary->setText(tr("Saving %1…").arg(QDir::toNativeSeparators(path)));
    const ExportBundle bundle = m_bundle;
    m_writer.setFuture(QtConcurrent::run([bundle, path] {
        QString error;
        return bundle.write(path, &error) ? QString() : error;
    }));
    updateButtons();
}

void ExportDialog::onWritten()
{
    const QString error = m_writer.result();
    const QString path = m_savingTo;
    updateButtons();
    if (!error.isEmpty()) {
        m_summary->clear();
        m_error->setText(error);
        m_error->show();
        emit saveFailed(error);
        return;
    }
    // The dialog stays open and says where the file went: closing at once left the admin
    // guessing whether (and where) anything was written.
    m_savedPath = path;
    m_summary->setText(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    m_saveButton->setDefault(false);
    if (QPushButton* close = m_buttons->button(QDialogButtonBox::Close)) {
        close->setObjectName(QStringLiteral("closeButton"));
        close->setDefault(true);
        close->setFocus(Qt::OtherFocusReason);
    }
    emit saved(path);
}

// Error text and the level hint from the palette: readable on light and dark themes.
void ExportDialog::applyColours()
{
    QPalette secondary = m_levelHint->palette();
    secondary.setColor(QPalette::WindowText, secondaryTextColour(palette(), QPalette::Window));
    m_levelHint->setPalette(secondary);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, errorTextColour(palette(), QPalette::Window));
    m_error->setPalette(errorPalette);
}

void ExportDialog::retranslate()
{
    setWindowTitle(tr("Troubleshooting export"));
    m_intro->setText(tr("This is everything the export contains, file by file, as it will be saved. Nothing "
                        "is sent anywhere: attach the file to a support ticket yourself."));
    m_secretsRadio->setText(tr("Remove &secrets"));
    m_identitiesRadio->setText(tr("Remove secrets and &identities"));
    m_levelHint->setText(tr("Choose identities when the export leaves your organization: host names, IP "
                            "addresses, emails, Jira account ids and user names become pseudonyms such as "
                            "host-1, the same in every file."));
    m_fileList->setAccessibleName(tr("Files in the export"));
    m_fileView->setAccessibleName(tr("Contents of the selected file"));
    m_saveButton->setText(tr("Sa&ve…"));
}

void ExportDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        rebuild(); // report.md and report.html are written in the program's language
    } else if (event->type() == QEvent::PaletteChange) {
        applyColours();
    }
}

} // namespace gjd
