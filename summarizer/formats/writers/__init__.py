"""Writers of results, one module per output format (registered in ``summarizer.formats.WRITERS``)."""
