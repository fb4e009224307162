from translator.core.inline_codes import codes_intact, renumber, restore_numbers, split_on_codes


def test_renumbering_makes_a_sentence_read_the_same_wherever_it_stands():
    first, back1 = renumber("See <g3>the ruling</g3> and <x5/>.")
    second, back2 = renumber("See <g1>the ruling</g1> and <x2/>.")
    assert first == second == "See <g1>the ruling</g1> and <x2/>."
    assert restore_numbers(first, back1) == "See <g3>the ruling</g3> and <x5/>."
    assert restore_numbers(second, back2) == "See <g1>the ruling</g1> and <x2/>."


def test_codes_intact_accepts_reordering_but_not_loss_or_broken_pairs():
    src = "The <g1>court</g1> fined <g2>her</g2>."
    assert codes_intact(src, "<g2>Ей</g2> назначил штраф <g1>суд</g1>.")
    assert not codes_intact(src, "The court fined <g2>her</g2>.")
    assert not codes_intact(src, "The </g1>court<g1> fined <g2>her</g2>.")
    assert not codes_intact(src, "The <g1>court</g1> <g1>x</g1> fined <g2>her</g2>.")


def test_split_on_codes_keeps_every_character():
    text = "A <g1>b</g1> c<x2/>"
    assert "".join(split_on_codes(text)) == text
