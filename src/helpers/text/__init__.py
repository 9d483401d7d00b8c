"""Text tools every stage uses: dates, paragraph and sentence spans, language, accent folding,
stop words, French typography. They import no stage."""
