"""Tables built once from a dependency's data and read from the cache folder afterwards."""

from summarizer import tables


def test_a_table_is_built_once_then_read_and_built_again_when_its_file_is_cut_short(monkeypatch, tmp_path):
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path))
    builds = []

    def build():
        builds.append(1)
        return {"irbil": ["iraq"]}

    assert tables.cached_table("towns", "numpy", 1, build) == {"irbil": ["iraq"]}
    (path,) = tmp_path.glob("towns-*-1.json")  # the package's version and the layout name the file
    assert tables.cached_table("towns", "numpy", 1, build) == {"irbil": ["iraq"]} and len(builds) == 1
    path.write_text('{"irb', encoding="utf-8")
    assert tables.cached_table("towns", "numpy", 1, build) == {"irbil": ["iraq"]} and len(builds) == 2
    assert tables.cached_table("towns", "numpy", 2, build) and len(builds) == 3  # another layout, another file
    assert sorted(p.name.rsplit("-", 1)[-1] for p in tmp_path.iterdir()) == ["1.json", "2.json"]


def test_a_cache_folder_that_cannot_be_written_serves_the_table_to_this_process(monkeypatch, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(blocked / "cache"))
    assert tables.cached_table("towns", "numpy", 1, lambda: {"a": 1}) == {"a": 1}


def test_towns_come_from_a_table_in_the_cache_folder(monkeypatch, tmp_path):
    from summarizer.stages import entities

    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path))
    entities.towns.cache_clear()
    try:
        assert "iraq" in entities.towns()["irbil"] and "iraq" in entities.towns()["erbil"]
        assert list(tmp_path.glob("geonames-towns-*.json"))
    finally:
        entities.towns.cache_clear()


def test_entity_word_frequencies_are_wordfreqs_above_the_least_threshold(monkeypatch, tmp_path):
    import dataclasses
    import random

    from wordfreq import zipf_frequency

    from summarizer.stages import entities

    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path))
    entities._plain_words.cache_clear()
    try:
        words = random.Random(7).sample(sorted(entities._plain_words()), 300)
        words += ["Dinner", "team-mate", "new york", "o'neill", "2004", "Sterling", "qwzx"]
        for word in words:
            expected = zipf_frequency(word, "en")
            assert entities._zipf(word) == (expected if expected >= entities.ZIPF_FLOOR or not word.isalpha() else 0)
        # Every zipf threshold of the entity rules is at the floor or above, so a rarer word's 0 changes no rule.
        thresholds = [f.default for f in dataclasses.fields(entities.EntityWeights) if "zipf" in f.name]
        assert thresholds and min(thresholds) >= entities.ZIPF_FLOOR
    finally:
        entities._plain_words.cache_clear()
