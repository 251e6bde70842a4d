"""The story level: from a pile of analysed articles to the stories they tell.

``dedup`` finds near-duplicates, ``group`` gathers stories, ``timeline`` dates events and
``digest`` assembles a :class:`~summarizer.stories.digest.Digest`; ``writers`` serialise it.
Everything here reads what the per-article pass made (:class:`~summarizer.stories.article.StoryArticle`).
"""
