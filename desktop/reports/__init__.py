"""The recaps as files, without Qt: CSV/XLSX tables (``export``) and the recap to sign as a PDF
(``pdf``, ``pdf_story``, ``pdf_charts``, ``printable``). The Laporan page
(``desktop/views/reports``) and ``lapor-desk report`` both use them."""
