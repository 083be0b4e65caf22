#!/usr/bin/env bash
# The letters' faces from Debian's packages: FangSong and Kai (Fandol, in texlive-lang-chinese),
# Song, heavy Song and Hei (Noto CJK), and poppler-utils to look at the PDFs. Installs only
# what is missing; needs root and apt-get, otherwise says what to install.
set -euo pipefail

needed=()
[ -f /usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf ] || needed+=(texlive-lang-chinese)
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || needed+=(fonts-noto-cjk)
[ -f /usr/share/fonts/opentype/noto/NotoSerifCJK-Black.ttc ] || needed+=(fonts-noto-cjk-extra)
command -v pdftoppm >/dev/null || needed+=(poppler-utils)

if [ ${#needed[@]} -eq 0 ]; then
  echo "Letter fonts present."
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${needed[*]} (about half a minute)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
  echo "Letter fonts installed."
else
  echo "The letters need these Debian packages: sudo apt-get install --no-install-recommends ${needed[*]}" >&2
  echo "(or set LETTER_FONT_BODY and the others in .env to fonts you have)." >&2
  exit 1
fi
