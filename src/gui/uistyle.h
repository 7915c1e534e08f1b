// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small helpers that keep the look of the hand-made widgets consistent with the platform style:
// every colour is derived from the palette, every size from the font.

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QPalette>

class QStyle;
class QWidget;

namespace gjd {

// The application icon, from resources/icons/gitlab-jira-doctor.svg (the file the package installs
// into the hicolor theme for launchers) as pixels rendered at build time (startScreenIcon). Not
// looked up in the icon theme: that search parses the theme's index and probes its directories
// before the first window (docs/benchmarks.md, "Cold start (issue 13)"), and no icon theme ships
// an icon of its own for this program. Made once per process; needs a QGuiApplication.
QIcon applicationIcon();

// An icon of the start screen (`name` is a file of resources/icons/ without ".svg"): the raw pixels
// that the build renders from the SVG at the sizes the start screen and the About dialog use, 1x
// and 2x (src/gui/tools/rendericon.cpp, src/gui/CMakeLists.txt). Nothing is decoded: the SVG icon
// engine plugin with QtSvg, and QImageReader, which scans every image format plugin before it
// reads even a PNG, cost more than a tenth of the cold start (docs/benchmarks.md, "Cold start
// (issue 13)"). Null if there are no such pixels.
QIcon startScreenIcon(const QString& name);

// Sets the application's style to a proxy of the current one that loads the toolbar extension
// arrows (QStyle::SP_ToolBar*ExtensionButton) when they are first painted. Every QMenuBar asks for
// one when it is built; reading that PNG makes Qt load every image-format plugin (and libjpeg)
// before the window is on screen, although the arrow shows only when the menu bar overflows
// (docs/benchmarks.md, "Cold start (issue 13)"). Call once, after the QApplication exists and
// before any widget; the style chosen by -style or QT_STYLE_OVERRIDE is kept.
void installStartupStyle();

// `font` scaled by `factor`, with the given weight.
QFont scaledFont(const QFont& font, qreal factor, QFont::Weight weight = QFont::Normal);

// a*(1-t) + b*t, per channel.
QColor mixColours(const QColor& a, const QColor& b, qreal t);

// Text colour for secondary text (descriptions, footers) on the given background role; keeps
// enough contrast in light and dark palettes.
QColor secondaryTextColour(const QPalette& palette, QPalette::ColorRole background);

// WCAG 2 contrast ratio of two colours (1 to 21).
qreal contrastRatio(const QColor& a, const QColor& b);

// The colour of error text (and of "will change" marks) on the given background role: GNOME's red
// (#c01c28) on light backgrounds, lighter reds on dark ones; always at least 4.5:1 against the
// background, the WCAG AA level for normal text.
QColor errorTextColour(const QPalette& palette, QPalette::ColorRole background = QPalette::Window);

// The colour of link text on the given background role: the palette's Link colour, lightened or
// darkened until it keeps 4.5:1 (a dark palette often keeps the light default blue).
QColor linkTextColour(const QPalette& palette, QPalette::ColorRole background = QPalette::Window);

// The colour of placeholder text (an empty field's hint) on Base: between Text and Base, so that it
// reads as a hint, and at least 4.5:1 against Base. Qt's default, Text at half opacity, gives 4:1
// on white and 1.2:1 in Breeze Dark, where the palette keeps a black placeholder on a dark field.
QColor placeholderTextColour(const QPalette& palette);

// The colour of links (role Link or LinkVisited) wherever they appear: the palette's, lightened or
// darkened until it keeps 4.5:1 on both Base and Window (on Base where the two conflict).
// Unchanged when it already does. A dark theme that keeps Qt's default #0000ff links would show
// them at 2:1 (Breeze Dark's View background).
QColor readableLinkColour(const QPalette& palette, QPalette::ColorRole role = QPalette::Link);

// Makes the application palette's PlaceholderText placeholderTextColour(), now and after every
// change of the application palette (a theme switch, a palette set by a test); the other roles keep
// following the platform (links: readableLinkColour() where they are shown, as the HTML's own
// colour, because Qt's HTML parser takes the application palette's). Call once, after the
// QApplication exists.
void installReadablePlaceholders();

// Turns a mnemonic text ("&Check an instance") into escaped rich text for a label that is not
// a buddy: the mnemonic letter is underlined when the style underlines shortcuts, "&&" becomes "&".
QString mnemonicToRichText(const QString& text, const QStyle* style);

// Gives every label with a buddy under `root` a little more than its size hint. A mnemonic label
// is drawn with the underlined letter as its own format range, which can make it wider than its
// size hint; QFormLayout then cut the last character ("Administrator-Token:" lost its colon).
// Call after the texts change.
void padBuddyLabels(QWidget* root);

} // namespace gjd
