// SPDX-License-Identifier: GPL-3.0-or-later
#include "placeholderpage.h"

#include "uistyle.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace gjd {

namespace {

constexpr int kIconExtent = 48;
constexpr int kContentMaxWidth = 680;
constexpr int kCopiedFeedbackMs = 2000;

} // namespace

PlaceholderPage::PlaceholderPage(QWidget* parent)
    : QWidget(parent)
    , m_iconLabel(new QLabel(this))
    , m_headingLabel(new QLabel(this))
    , m_textLabel(new QLabel(this))
    , m_commandRow(new QWidget(this))
    , m_commandField(new QLineEdit(m_commandRow))
    , m_copyButton(new QPushButton(m_commandRow))
    , m_backButton(new QPushButton(this))
{
    m_iconLabel->setObjectName(QStringLiteral("iconLabel"));
    m_iconLabel->setFixedSize(kIconExtent, kIconExtent);

    m_headingLabel->setObjectName(QStringLiteral("headingLabel"));
    m_headingLabel->setFont(scaledFont(font(), 1.6, QFont::DemiBold));
    m_headingLabel->setWordWrap(true);
    m_headingLabel->setTextFormat(Qt::PlainText);
    m_headingLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_textLabel->setObjectName(QStringLiteral("textLabel"));
    m_textLabel->setWordWrap(true);
    m_textLabel->setTextFormat(Qt::RichText);
    m_textLabel->setOpenExternalLinks(true);
    m_textLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);

    m_commandRow->setObjectName(QStringLiteral("commandRow"));
    m_commandField->setObjectName(QStringLiteral("commandField"));
    m_commandField->setReadOnly(true);
    m_commandField->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copyButton->setObjectName(QStringLiteral("copyButton"));
    m_copyButton->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    connect(m_copyButton, &QPushButton::clicked, this, &PlaceholderPage::copyCommand);

    m_backButton->setObjectName(QStringLiteral("backButton"));
    m_backButton->setIcon(QIcon::fromTheme(QStringLiteral("go-previous")));
    connect(m_backButton, &QPushButton::clicked, this, &PlaceholderPage::backRequested);

    auto* commandLayout = new QHBoxLayout(m_commandRow);
    commandLayout->setContentsMargins(0, 0, 0, 0);
    commandLayout->addWidget(m_commandField, 1);
    commandLayout->addWidget(m_copyButton);

    auto* headerLayout = new QHBoxLayout;
    headerLayout->setSpacing(16);
    headerLayout->addWidget(m_iconLabel, 0, Qt::AlignVCenter);
    headerLayout->addWidget(m_headingLabel, 1);

    auto* buttonLayout = new QHBoxLayout;
    buttonLayout->addWidget(m_backButton);
    buttonLayout->addStretch(1);

    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("content"));
    content->setMaximumWidth(kContentMaxWidth);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);
    contentLayout->addLayout(headerLayout);
    contentLayout->addSpacing(20);
    contentLayout->addWidget(m_textLabel);
    contentLayout->addSpacing(16);
    contentLayout->addWidget(m_commandRow);
    contentLayout->addSpacing(32);
    contentLayout->addLayout(buttonLayout);

    // Centred column: grows with the window up to a readable line length.
    auto* row = new QHBoxLayout;
    row->addStretch(0);
    row->addWidget(content, 1);
    row->addStretch(0);

    // Scrolls instead of clipping when the window is small or the text long.
    auto* scrollContent = new QWidget;
    scrollContent->setObjectName(QStringLiteral("scrollContent"));
    auto* scrollLayout = new QVBoxLayout(scrollContent);
    scrollLayout->setContentsMargins(32, 24, 32, 24);
    scrollLayout->addStretch(2);
    scrollLayout->addLayout(row);
    scrollLayout->addStretch(3);

    auto* scrollArea = new QScrollArea(this);
    scrollArea->setObjectName(QStringLiteral("scrollArea"));
    scrollArea->setFrameShape(QFrame::NoFrame);
    scrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scrollArea->setWidgetResizable(true);
    scrollArea->setWidget(scrollContent);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scrollArea);

    setTabOrder(m_commandField, m_copyButton);
    setTabOrder(m_copyButton, m_backButton);
    m_commandRow->hide();
    retranslate();
}

void PlaceholderPage::setIcon(const QIcon& icon)
{
    m_icon = icon;
    m_iconLabel->setPixmap(icon.pixmap(QSize(kIconExtent, kIconExtent), devicePixelRatioF()));
}

QString PlaceholderPage::heading() const
{
    return m_headingLabel->text();
}

void PlaceholderPage::setHeading(const QString& heading)
{
    m_headingLabel->setText(heading);
}

QString PlaceholderPage::text() const
{
    return m_textLabel->text();
}

void PlaceholderPage::setText(const QString& text)
{
    m_textLabel->setText(text);
}

QString PlaceholderPage::command() const
{
    return m_commandField->text();
}

void PlaceholderPage::setCommand(const QString& command)
{
    m_commandField->setText(command);
    m_commandField->setCursorPosition(0);
    m_commandRow->setVisible(!command.isEmpty());
}

void PlaceholderPage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (event->type() == QEvent::FontChange) {
        m_headingLabel->setFont(scaledFont(font(), 1.6, QFont::DemiBold));
    }
}

void PlaceholderPage::retranslate()
{
    m_copyButton->setText(m_copied ? tr("Copied") : tr("&Copy"));
    m_copyButton->setToolTip(tr("Copy the command to the clipboard"));
    m_commandField->setAccessibleName(tr("Command"));
    m_backButton->setText(tr("&Back"));
    m_backButton->setToolTip(tr("Back to the start screen (Esc)"));
}

void PlaceholderPage::copyCommand()
{
    QApplication::clipboard()->setText(m_commandField->text());
    m_copied = true;
    retranslate();
    QTimer::singleShot(kCopiedFeedbackMs, this, [this] {
        m_copied = false;
        retranslate();
    });
}

} // namespace gjd
