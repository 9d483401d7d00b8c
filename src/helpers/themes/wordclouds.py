"""Word clouds of theme terms (TF-IDF weights), as SVG text or PNG bytes."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from random import Random

from PIL import Image
from wordcloud import WordCloud
from wordcloud.wordcloud import FONT_PATH as BUNDLED_FONT

from helpers import storage

# Readable and covers French accents; absent on some machines, then wordcloud's own font.
DEJAVU_SANS = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
# Muted slate, teal, olive, plum and brick: readable on white, quiet in a printed briefing.
MUTED_PALETTE = ("#34495e", "#3d6b6b", "#6b6b3d", "#5e4b6b", "#7a4a3a", "#4a5a7a")
# 1200 x 600 pixels (a 600 x 300 layout drawn at twice its size): about 190 dpi across a 16 cm
# printed column. The layout costs in proportion to its area: 600 x 300 takes half the time
# of 800 x 400 for the same picture.
PNG_DPI = 150
LAYOUT_WIDTH, LAYOUT_HEIGHT = 600, 300
# The largest word starts at this share of the height and shrinks until it fits; without it,
# wordcloud first lays out the two largest words from the full height down, one size at a time.
MAX_FONT_SHARE = 0.4
# A word that does not fit is tried again this many pixels smaller: 2 instead of wordcloud's 1
# halves the tries of the words that shrink (a cloud in 0.16 s instead of 0.22 s), with the
# same words placed (79.5 of 80 on average over a 1,000-article corpus's 13 clouds).
FONT_STEP = 2
# 80 words fill a printed half page; 150 took twice the layout time for words too small to read.
MAX_WORDS = 80
# Six colours antialiased on white fit a 64-colour palette: a third of the RGB file's size,
# which every page of the self-contained HTML carries as base64.
PNG_COLOURS = 64


def font_path() -> str:
    """DejaVu Sans if installed, else the font bundled with wordcloud."""
    return str(DEJAVU_SANS) if DEJAVU_SANS.is_file() else BUNDLED_FONT


def _muted_colour(
    word: str,
    font_size: int,
    position: tuple[int, int],
    orientation: int | None,
    random_state: Random | None = None,
    **kwargs: object,
) -> str:
    """A colour from the muted palette, drawn from the cloud's own seeded generator."""
    rng = random_state if random_state is not None else Random(0)
    return MUTED_PALETTE[rng.randint(0, len(MUTED_PALETTE) - 1)]


def _cloud(
    weights: Mapping[str, float], width: int, height: int, random_state: int, scale: float
) -> WordCloud:
    """Lay out a cloud from positive weights; ValueError when there is none."""
    if width < 1 or height < 1:
        raise ValueError(f"width and height must be >= 1, got {width}x{height}")
    positive = {str(w): float(v) for w, v in weights.items() if w and float(v) > 0}
    if not positive:
        raise ValueError("word cloud needs at least one term with a positive weight, got none")
    cloud = WordCloud(
        width=width,
        height=height,
        scale=scale,
        font_path=font_path(),
        background_color="white",
        color_func=_muted_colour,
        prefer_horizontal=1.0,
        max_words=MAX_WORDS,
        max_font_size=max(1, int(height * MAX_FONT_SHARE)),
        font_step=FONT_STEP,
        random_state=random_state,
        collocations=False,
        normalize_plurals=False,
    )
    return cloud.generate_from_frequencies(positive)


def word_cloud_svg(
    weights: Mapping[str, float], width: int = 800, height: int = 400, random_state: int = 42
) -> str:
    """SVG text of a word cloud of term -> weight; same input and seed, same SVG."""
    return str(_cloud(weights, width, height, random_state, scale=1).to_svg(embed_font=False))


def word_cloud_png(
    weights: Mapping[str, float],
    path: str | Path | None = None,
    width: int = LAYOUT_WIDTH,
    height: int = LAYOUT_HEIGHT,
    random_state: int = 42,
    dpi: int = PNG_DPI,
) -> bytes:
    """PNG bytes of a word cloud at dpi/75 times width x height (1200 x 600 by default); also
    written to path if given."""
    if dpi < 1:
        raise ValueError(f"dpi must be >= 1, got {dpi}")
    image = _cloud(weights, width, height, random_state, scale=dpi / 75).to_image()
    image = image.quantize(colors=PNG_COLOURS, method=Image.Quantize.FASTOCTREE)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(dpi, dpi))
    data = buffer.getvalue()
    if path is not None:
        Path(path).write_bytes(data)
    return data


CloudJob = tuple[Path, Mapping[str, float]]


def write_clouds(jobs: Sequence[CloudJob]) -> list[Path]:
    """Draw each (path, weights) cloud as PNG and write it atomically; the paths, in order.
    Drawn here: two processes started for a stage's dozen clouds (0.2 s each) took longer
    than drawing them one after the other."""
    return [storage.write_bytes(Path(path), word_cloud_png(weights)) for path, weights in jobs]
