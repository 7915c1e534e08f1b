// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractButton>
#include <QHash>

namespace gjd {

// One "door" of the start screen: a large card with an icon, a title and a one-line description
// that behaves as a push button (mouse, Space, Enter, the title's mnemonic, accessibility).
//
// The title and the description are painted by the button itself (QStyle::drawItemText, word
// wrapped, the title's mnemonic underlined as the style wants), not by child labels: two rich-text
// labels per door cost about a twentieth of the cold start (docs/benchmarks.md, "Cold start
// (issue 13)"). Heights for a width come from the same font metrics and are cached per width.
class DoorButton final : public QAbstractButton
{
    Q_OBJECT
    Q_PROPERTY(QString title READ title WRITE setTitle)
    Q_PROPERTY(QString description READ description WRITE setDescription)

public:
    explicit DoorButton(QWidget* parent = nullptr);

    // The title may carry a mnemonic ("&Check an instance").
    QString title() const { return text(); }
    void setTitle(const QString& title);

    QString description() const { return m_description; }
    void setDescription(const QString& description);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QFont titleFont() const;
    // The text block's width inside a card of this width.
    static int textWidth(int cardWidth);
    // The title's and the description's heights, wrapped to `width` (the text block's width).
    int titleHeight(int width) const;
    int descriptionHeight(int width) const;
    int minimumTextHeight() const;
    int mnemonicFlag() const;
    void textChanged();

    QString m_description;
    mutable QHash<int, int> m_heights; // heightForWidth(), per card width
};

} // namespace gjd
