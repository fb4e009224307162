from translator.batching import make_batches


def words(s: str) -> int:
    return len(s.split())


SENTENCES = [("w " * n).strip() + f" s{n}-{k}" for n in range(1, 30, 3) for k in range(3)]


def test_batches_keep_every_sentence_once_and_respect_the_token_budget():
    batches = make_batches(SENTENCES, words, max_tokens=40)
    flat = [s for batch in batches for s in batch]
    assert sorted(flat) == sorted(SENTENCES)
    for batch in batches:
        assert max(words(s) for s in batch) * len(batch) <= 40 or len(batch) == 1


def test_batches_are_sorted_by_length_so_padding_stays_small():
    batches = make_batches(SENTENCES, words, max_tokens=40)
    lengths = [words(s) for batch in batches for s in batch]
    assert lengths == sorted(lengths)


def test_a_resumed_run_forms_the_same_remaining_batches():
    batches = make_batches(SENTENCES, words, max_tokens=40)
    done = {s for batch in batches[:3] for s in batch}
    remaining = [s for s in reversed(SENTENCES) if s not in done]
    assert make_batches(remaining, words, max_tokens=40) == batches[3:]
