import Formatting
import Testing

/// Display width follows the C library's `wcwidth` (what ncursesw and tmux measure with), per grapheme cluster.
@Suite struct DisplayWidthTests {
    @Test func asciiAndControls() {
        #expect(DisplayWidth.of(Character("a")) == 1)
        #expect(DisplayWidth.of(Character("\u{1B}")) == nil)
        #expect(DisplayWidth.of(Character("\u{7F}")) == nil)
        #expect(DisplayWidth.of(Character("\r\n")) == nil)
        #expect(DisplayWidth.of(Character("\u{85}")) == nil)
        #expect(DisplayWidth.of("llama-3") == 7)
    }

    @Test func wideNarrowAndCombining() {
        #expect(DisplayWidth.of(Character("中")) == 2)
        #expect(DisplayWidth.of(Character("😀")) == 2)
        #expect(DisplayWidth.of(Character("é")) == 1)
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of(Character("\u{301}")) == 0)
        #expect(DisplayWidth.of(Character("─")) == 1 && DisplayWidth.of(Character("⣿")) == 1)
        #expect(DisplayWidth.of("模型-7B") == 7)
    }

    @Test func invisibleFormattingDrawsNothing() {
        for scalar: UInt32 in [0x202E, 0x202D, 0x2066, 0x200B, 0x200D, 0xFEFF, 0xFE0F, 0xE0041] {
            let character = Character(Unicode.Scalar(scalar)!)
            #expect(DisplayWidth.of(character) == 0, "U+\(String(scalar, radix: 16))")
        }
        #expect(DisplayWidth.of(Character("☀\u{FE0F}")) == DisplayWidth.of(Character("☀")))
        #expect(DisplayWidth.visible(Character("☀\u{FE0F}")) == Character("☀"))
        #expect(DisplayWidth.visible(Character("x")) == Character("x"))
    }

    @Test func clustersTerminalsDrawDifferentlyCannotBeDrawn() {
        #expect(DisplayWidth.of(Character("🇺🇸")) == nil)
        #expect(DisplayWidth.of(Character("👨‍👩‍👧")) == nil)
        // A string counts such a cluster as the `?` it is drawn as.
        #expect(DisplayWidth.of("a🇺🇸b") == 3)
    }

    @Test func unassignedAndPrivateScalars() {
        #expect(DisplayWidth.of(scalar: Unicode.Scalar(0x10FFFF)!) == nil)
        #expect(DisplayWidth.of(scalar: Unicode.Scalar(0x4E2D)!) == 2)
    }

    @Test func sanitizerDropsEscapesControlsAndInvisibleFormatting() {
        #expect(TextSanitizer.clean("a\u{1B}[2Jb") == "ab")
        #expect(TextSanitizer.clean("llama\u{202E}BBG") == "llamaBBG")
        #expect(TextSanitizer.clean("\u{FEFF}model\u{200B}") == "model")
        #expect(TextSanitizer.clean("👨‍👩‍👧").count == 3)
        #expect(TextSanitizer.clean("tab\there") == "tab here")
        #expect(TextSanitizer.clean("plain") == "plain")
    }
}
