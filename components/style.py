"""Page-wide style that Streamlit's theme (.streamlit/config.toml) cannot set."""

import streamlit as st

# Contrast (WCAG AA asks 4.5:1; tests/browser/test_accessibility.py runs axe-core):
# - Streamlit draws captions at 60 % opacity, 3.88:1 on white; opaque grey reads at 6.4:1.
# - Its code colours (green strings 2.96:1, blue keywords 3.8:1, teal numbers 2.62:1, grey comments and line
#   numbers) become darker shades of the same hues, all above 5.3:1 on the code's background.
# A code block wraps even a long name (a phone is 390 px wide), so it never scrolls sideways: a scrolling region
# would need a keyboard focus of its own.
_CODE_COLOURS = {
    ".token.comment, .linenumber": "#5b5c63",
    ".token.string, .token.char, .token.attr-value, .token.inserted": "#0b6b2a",
    ".token.keyword, .token.atrule, .token.selector, .token.builtin": "#0b5cad",
    ".token.number, .token.boolean, .token.constant, .token.symbol": "#0f6e61",
    ".token.function, .token.class-name, .token.decorator": "#6f42c1",
    ".token.operator, .token.regex, .token.important, .token.deleted": "#a4262c",
}
PAGE_CSS = "\n".join(
    [
        '[data-testid="stCaptionContainer"] { color: #5b5c63; opacity: 1; }',
        '[data-testid="stCode"] code { overflow-wrap: anywhere; }',
        *(
            f'[data-testid="stCode"] :is({tokens}) {{ color: {colour} !important; }}'
            for tokens, colour in _CODE_COLOURS.items()
        ),
    ]
)


def render_page_style() -> None:
    st.html(f"<style>{PAGE_CSS}</style>")
