"""Buttons that copy a link in the browser (no rerun): the page's own address, or a link the page shows."""

import json
from html import escape

import streamlit as st

from components.state import tr

# Copies the button's `data-link`, or the page's address (it holds the whole figure) when it has none; an address
# without https (a classroom server) has no clipboard API, so the old select-and-copy way is the fallback.
COPY_SCRIPT = """<script>
(() => {
  for (const button of document.querySelectorAll('button.minifig-copy:not([data-wired])')) {
    button.dataset.wired = '1';
    const said = button.parentElement.querySelector('[role=status]');
    const words = JSON.parse(button.dataset.words);
    const done = (ok) => { said.textContent = ok ? words.copied : words.failed; };
    button.addEventListener('click', () => {
      const link = button.dataset.link || window.location.href;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(link).then(() => done(true), () => done(false));
        return;
      }
      const area = document.createElement('textarea');
      area.value = link; document.body.appendChild(area); area.select();
      let ok = false; try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      area.remove(); done(ok);
    });
  }
})();
</script>"""


def render_copy_button(key: str, label: str, help_text: str, link: str | None = None) -> None:
    """A button keyed `key` that copies `link` (the page's address when None) and says whether it did."""
    failed = tr("ui.link_not_copied" if link is None else "ui.shown_link_not_copied")
    words = json.dumps({"copied": tr("ui.link_copied"), "failed": failed}, ensure_ascii=False)
    data_link = "" if link is None else f' data-link="{escape(link)}"'
    with st.container(key=key):
        st.html(
            f'<button type="button" class="minifig-copy" title="{escape(help_text)}"'
            f' data-words="{escape(words)}"{data_link}>{escape(label)}</button>'
            '<span role="status" class="minifig-said"></span>' + COPY_SCRIPT,
            unsafe_allow_javascript=True,
        )


def render_link(link: str, key: str) -> None:
    """A link to hand out, shown whole (wrapped, selectable) with a button keyed `key` that copies it."""
    st.html(f'<code class="minifig-link">{escape(link)}</code>')
    render_copy_button(key, tr("ui.copy_shown_link"), tr("ui.copy_shown_link_help"), link)
