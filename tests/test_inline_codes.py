from translator.core.inline_codes import (
    codes_intact,
    literal_spans,
    renumber,
    restore_numbers,
    split_on_codes,
)


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


def test_codes_intact_refuses_a_pair_mt_emptied():
    # Rule-based MT moved the emphasised word out of its pair ("It is _not_ a list" came
    # back as "No es __ una lista"): the empty pair would show as bare "__" in Markdown.
    src = "It is <g1>not</g1> a list."
    assert codes_intact(src, "No es <g1>no</g1> una lista.")
    assert not codes_intact(src, "No es <g1></g1> una lista.")
    assert not codes_intact(src, "No es <g1> </g1> una lista.")
    # A pair that held no words in the source (a bare link around an image) may stay so.
    assert codes_intact("See <g1><x2/></g1> here.", "Mira <g1><x2/></g1> aquí.")


def test_literal_spans_find_protocol_relative_urls_and_home_paths():
    # From npm's and pyenv's docs: MT turned "//other-registry.tld/" into
    # "//otro registro.tld/" and "`~/.zshrc`" into "`/.zshrc`".
    text = ('a path like "//other-registry.tld/:certfile=/path/to/cert.pem" works; '
            "add it to ~/.zshrc, then run ./configure or ../build.sh now.")
    found = [text[a:b] for a, b in literal_spans(text)]
    assert found == ["//other-registry.tld/:certfile=/path/to/cert.pem", "~/.zshrc",
                     "./configure", "../build.sh"]
    assert literal_spans("and/or 1/2 the ~ sign, a.b/c d// e. /x") == []


def test_literal_spans_find_code_paths():
    # rustdoc's link titles ("struct std::string::String") came back as
    # "struct std::Serie::Serie": a path of identifiers joined by "::" is code.
    text = "struct std::string::String, see Foo::bar() and ::std::io; ratio 3::4, a :: b."
    assert [text[a:b] for a, b in literal_spans(text)] == [
        "std::string::String", "Foo::bar()", "::std::io"]
