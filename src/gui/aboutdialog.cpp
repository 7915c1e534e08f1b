// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutdialog.h"

#include "uistyle.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace gjd {

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("AboutDialog"));
    setWindowTitle(tr("About GitLab Jira Doctor"));

    auto* iconLabel = new QLabel(this);
    iconLabel->setObjectName(QStringLiteral("iconLabel"));
    iconLabel->setPixmap(applicationIcon().pixmap(QSize(64, 64), devicePixelRatioF()));
    iconLabel->setAlignment(Qt::AlignTop);

    auto* nameLabel = new QLabel(tr("GitLab Jira Doctor"), this);
    nameLabel->setObjectName(QStringLiteral("nameLabel"));
    nameLabel->setFont(scaledFont(font(), 1.6, QFont::DemiBold));

    auto* versionLabel = new QLabel(tr("Version %1").arg(QStringLiteral(GJD_VERSION)), this);
    versionLabel->setObjectName(QStringLiteral("versionLabel"));
    versionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* descriptionLabel = new QLabel(
        tr("Sets up the GitLab for Jira Cloud app on self-managed GitLab and finds out why it fails."), this);
    descriptionLabel->setObjectName(QStringLiteral("descriptionLabel"));
    descriptionLabel->setWordWrap(true);

    auto* detailsLabel = new QLabel(this);
    detailsLabel->setObjectName(QStringLiteral("detailsLabel"));
    detailsLabel->setWordWrap(true);
    detailsLabel->setTextFormat(Qt::RichText);
    detailsLabel->setOpenExternalLinks(true);
    detailsLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    applyColours();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("buttonBox"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* texts = new QVBoxLayout;
    texts->setSpacing(6);
    texts->addWidget(nameLabel);
    texts->addWidget(versionLabel);
    texts->addSpacing(10);
    texts->addWidget(descriptionLabel);
    texts->addSpacing(6);
    texts->addWidget(detailsLabel);
    texts->addStretch(1);

    auto* body = new QHBoxLayout;
    body->setSpacing(20);
    body->addWidget(iconLabel, 0, Qt::AlignTop);
    body->addLayout(texts, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 16);
    layout->addLayout(body);
    layout->addSpacing(12);
    layout->addWidget(buttons);

    setMinimumWidth(500);
}

void AboutDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColours();
}

// Secondary text, and a link that stays readable on dark palettes (which often keep the light
// theme's dark blue as their Link colour). The link's colour is in the HTML: Qt's HTML parser
// colours links with the application palette's Link, whatever the label's palette says.
void AboutDialog::applyColours()
{
    for (const char* name : {"detailsLabel", "versionLabel"}) {
        auto* label = findChild<QLabel*>(QLatin1String(name));
        if (!label)
            continue;
        QPalette secondary = label->palette();
        secondary.setColor(QPalette::WindowText, secondaryTextColour(palette(), QPalette::Window));
        label->setPalette(secondary);
    }
    if (auto* details = findChild<QLabel*>(QStringLiteral("detailsLabel"))) {
        const QString homepage = QStringLiteral(GJD_HOMEPAGE_URL).toHtmlEscaped();
        details->setText(
            tr("Built with Qt %1, running on Qt %2.")
                .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()))
                .toHtmlEscaped() +
            QLatin1String("<br>") +
            tr("Licensed under the GNU General Public License, version 3 or later.").toHtmlEscaped() +
            QStringLiteral("<br><a href=\"%1\" style=\"color: %2\">%1</a>")
                .arg(homepage, readableLinkColour(palette()).name()));
    }
}

} // namespace gjd
