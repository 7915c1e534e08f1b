// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportviewpage.h"

#include "diffdialog.h"
#include "i18n.h"
#include "reportdiff.h"
#include "reportview.h"
#include "setup/setuptext.h"
#include "textformatter.h"
#include "uistyle.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace gjd {

ExportViewPage::ExportViewPage(QWidget* parent)
    : QWidget(parent)
    , m_backButton(new QPushButton(this))
    , m_headingLabel(new QLabel(this))
    , m_openButton(new QPushButton(this))
    , m_compareButton(new QPushButton(this))
    , m_emptyLabel(new QLabel(this))
    , m_errorLabel(new QLabel(this))
    , m_bannerLabel(new QLabel(this))
    , m_verdictLabel(new QLabel(this))
    , m_view(new ReportView(this))
{
    m_backButton->setObjectName(QStringLiteral("backButton"));
    m_headingLabel->setObjectName(QStringLiteral("headingLabel"));
    m_openButton->setObjectName(QStringLiteral("openButton"));
    m_compareButton->setObjectName(QStringLiteral("compareButton"));
    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_bannerLabel->setObjectName(QStringLiteral("bannerLabel"));
    m_verdictLabel->setObjectName(QStringLiteral("verdictLabel"));
    m_view->setObjectName(QStringLiteral("reportView"));

    m_headingLabel->setFont(scaledFont(font(), 1.4, QFont::DemiBold));
    m_backButton->setIcon(QIcon::fromTheme(QStringLiteral("go-previous")));
    m_openButton->setIcon(QIcon::fromTheme(QStringLiteral("document-open")));
    m_compareButton->setIcon(QIcon::fromTheme(QStringLiteral("view-sort")));
    connect(m_backButton, &QPushButton::clicked, this, &ExportViewPage::backRequested);
    connect(m_openButton, &QPushButton::clicked, this, &ExportViewPage::chooseFile);
    connect(m_compareButton, &QPushButton::clicked, this, &ExportViewPage::chooseComparison);
    connect(&m_reader, &QFutureWatcher<ReadResult>::finished, this, &ExportViewPage::onRead);

    for (QLabel* label : {m_emptyLabel, m_errorLabel, m_bannerLabel, m_verdictLabel}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
    }
    m_bannerLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // With nothing open, the hint sits under the heading and takes the room the results would.
    m_emptyLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_emptyLabel->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    updateErrorColour();
    m_errorLabel->hide();
    // The banner stands apart from the results: it is about the file, not the instance.
    m_bannerLabel->setFrameShape(QFrame::StyledPanel);
    m_bannerLabel->setAutoFillBackground(true);
    m_bannerLabel->setBackgroundRole(QPalette::AlternateBase);
    m_bannerLabel->setMargin(8);
    // Word-wrapped labels in a box layout otherwise get the height of one line.
    m_bannerLabel->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_view->setTimingVisible(false); // an export has no probe timings

    auto* heading = new QHBoxLayout;
    heading->addWidget(m_backButton);
    heading->addSpacing(8);
    heading->addWidget(m_headingLabel, 1);
    heading->addWidget(m_openButton);
    heading->addWidget(m_compareButton);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(heading);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_bannerLabel);
    layout->addWidget(m_verdictLabel);
    layout->addWidget(m_view, 1);

    setTabOrder(m_backButton, m_openButton);
    setTabOrder(m_openButton, m_compareButton);
    retranslate();
}

void ExportViewPage::openFile(const QString& path)
{
    read(path, false);
}

void ExportViewPage::compareWith(const QString& path)
{
    if (!m_opened) {
        emit compared(false);
        return;
    }
    read(path, true);
}

// An export can be 256 MiB to read and 64 MiB to unpack and hash: never on the UI thread.
void ExportViewPage::read(const QString& path, bool forComparison)
{
    if (m_reader.isRunning())
        return;
    m_forComparison = forComparison;
    setBusy(true, path);
    m_reader.setFuture(QtConcurrent::run([path] {
        ReadResult result;
        result.opened = ExportReader::open(path, &result.error);
        return result;
    }));
}

void ExportViewPage::onRead()
{
    ReadResult result = m_reader.result();
    setBusy(false);
    const bool comparison = m_forComparison;
    if (!result.opened) {
        showError(result.error);
        emit comparison ? compared(false) : loaded(false);
        return;
    }
    m_errorLabel->hide();
    if (comparison) {
        // The older one is "before", whichever was opened first.
        const OpenedExport& other = *result.opened;
        const bool otherIsOlder = other.report.generatedAt < m_opened->report.generatedAt;
        const OpenedExport& before = otherIsOlder ? other : *m_opened;
        const OpenedExport& after = otherIsOlder ? *m_opened : other;
        auto* dialog =
            new DiffDialog(ReportDiff::compare(before.report, after.report),
                           QFileInfo(before.path).fileName(), QFileInfo(after.path).fileName(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
        emit compared(true);
        return;
    }
    m_opened = std::move(result.opened);
    m_view->setReport(m_opened->report);
    m_view->selectMostSevere(); // land on what needs attention most
    updateBanner();
    emit loaded(true);
}

void ExportViewPage::setBusy(bool busy, const QString& path)
{
    m_openButton->setEnabled(!busy);
    m_compareButton->setEnabled(!busy && m_opened.has_value());
    if (busy) {
        m_errorLabel->hide();
        m_verdictLabel->setText(tr("Reading %1…").arg(QDir::toNativeSeparators(path)));
        m_verdictLabel->show();
    } else {
        updateBanner();
    }
}

void ExportViewPage::chooseFile()
{
    auto* dialog = new QFileDialog(this, tr("Open a troubleshooting export"),
                                   QStandardPaths::writableLocation(QStandardPaths::DownloadLocation));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("Exports and reports (*.zip *.json)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, &ExportViewPage::openFile);
    dialog->open();
}

void ExportViewPage::chooseComparison()
{
    auto* dialog = new QFileDialog(this, tr("Compare with another export"),
                                   m_opened ? QFileInfo(m_opened->path).absolutePath() : QString());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("Exports and reports (*.zip *.json)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, &ExportViewPage::compareWith);
    dialog->open();
}

void ExportViewPage::showError(const QString& error)
{
    m_errorLabel->setText(error);
    m_errorLabel->show();
}

void ExportViewPage::updateBanner()
{
    const bool loaded = m_opened.has_value();
    m_emptyLabel->setVisible(!loaded);
    m_bannerLabel->setVisible(loaded);
    m_verdictLabel->setVisible(loaded);
    m_view->setVisible(loaded);
    m_compareButton->setEnabled(loaded);
    if (!loaded)
        return;
    const OpenedExport& e = *m_opened;
    const Report& r = e.report;
    // The date as the rest of the program writes it (no weekday), the time in this computer's zone.
    const QDateTime local = e.createdAt.toLocalTime();
    const QString when =
        e.createdAt.isValid()
            ? tr("%1 at %2", "date at time")
                  .arg(longDate(local.date()), QLocale().toString(local.time(), QLocale::ShortFormat) +
                                                   QLatin1Char(' ') + local.timeZoneAbbreviation())
            : tr("an unknown date");
    QStringList lines;
    lines.append(
        e.isBundle
            ? tr("Troubleshooting export of %1, made on %2 by GitLab Jira Doctor %3.")
                  .arg(r.url, when, e.toolVersion.isEmpty() ? tr("(unknown version)") : e.toolVersion)
            : tr("Report of %1, made on %2 by GitLab Jira Doctor %3.")
                  .arg(r.url, when, e.toolVersion.isEmpty() ? tr("(unknown version)") : e.toolVersion));
    lines.append(tr("Checked from %1 (Qt %2, %3); method %4 (%5).")
                     .arg(r.vantageOs, r.vantageQt, r.vantageTlsBackend, SetupText::method(r.method),
                          TextFormatter::methodSourceTitle(r.methodSource)));
    if (!r.installType().isEmpty())
        lines.append(tr("Install type: %1 (decided from %2)")
                         .arg(r.installType(), TextFormatter::installTypeSource(r.installTypeDecidedBy())));
    if (e.isBundle)
        lines.append(e.level == RedactionLevel::Identities
                         ? tr("Redaction: secrets and identities (names are pseudonyms such as host-1; "
                              "certificates by fingerprint and validity only).")
                         : tr("Redaction: secrets (tokens, cookies and credentials removed)."));
    lines.append(tr("Read-only: nothing was run. File: %1").arg(QDir::toNativeSeparators(e.path)));
    m_bannerLabel->setText(lines.join(QLatin1Char('\n')));

    const Summary s = r.summary();
    QStringList counts;
    for (Status st : {Status::Pass, Status::Info, Status::Warn, Status::Fail, Status::Skip, Status::Manual,
                      Status::Error}) {
        if (s.count(st) > 0)
            // "Warning: 2", not "2 Warning": a status word needs no plural form that way.
            counts.append(tr("%1: %2", "status: count").arg(TextFormatter::statusTitle(st)).arg(s.count(st)));
    }
    m_verdictLabel->setText(
        tr("Verdict %1: %2")
            .arg(TextFormatter::statusTitle(s.verdict).toUpper(), counts.join(QLatin1String(", "))));
}

void ExportViewPage::retranslate()
{
    m_backButton->setText(tr("&Start page"));
    m_backButton->setToolTip(tr("Back to the start screen (Esc)"));
    m_headingLabel->setText(tr("Troubleshooting export"));
    m_openButton->setText(tr("&Open…"));
    m_openButton->setToolTip(tr("Open an export (.zip) or a report (.json)"));
    m_compareButton->setText(tr("Compare &with…"));
    m_compareButton->setToolTip(tr("List what changed per check between this export and another one"));
    m_emptyLabel->setText(tr("Open a troubleshooting export (.zip) or a report (.json) to see its checks as "
                             "they were when it was made. Exports are read, never unpacked to disk."));
    updateBanner();
}

void ExportViewPage::updateErrorColour()
{
    // From this page's palette, so that it keeps its contrast in a dark one too.
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, errorTextColour(palette()));
    m_errorLabel->setPalette(errorPalette);
}

void ExportViewPage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::FontChange)
        m_headingLabel->setFont(scaledFont(font(), 1.4, QFont::DemiBold));
    else if (event->type() == QEvent::PaletteChange)
        updateErrorColour();
}

} // namespace gjd
