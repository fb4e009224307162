"""The one list of function words per language, and the stop list term extraction uses.

``FUNCTION_WORDS`` are the closed-class words (articles, prepositions,
conjunctions, pronouns, auxiliaries): what the inflection grammar skips to find
a phrase's head and where it stops pluralising, and what a phrase's dictionary
form keeps as it is. ``STOPWORDS`` adds the commonest other words of news text
("year", "said"): no extracted term starts or ends with one. ``LINKS`` are the
function words allowed *inside* a term: "rule of law", "cámara de reconocimiento
facial".
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words("""
a an the this that these those all any another both each either every few many more most
much neither no none other several some such same own not
about above across after against along among around as at before behind below between
beyond by despite down during except for from in inside into near of off on onto out
outside over per since through throughout till to toward towards under until up upon via
with within without
and but or nor so yet if because although though while whether than unless whereas when
where why how here there then
i me my mine myself you your yours yourself yourselves he him his himself she her hers
herself it its itself we us our ours ourselves they them their theirs themselves who whom
whose which what whatever
am is are was were be been being have has had having do does did doing done will would
shall should can could may might must
"""),
    "es": _words("""
el la los las lo un una unos unas al del este esta estos estas ese esa esos esas aquel
aquella aquellos aquellas cada todo toda todos todas otro otra otros otras mismo misma
mismos mismas algún alguna algunos algunas ningún ninguna varios varias su sus mi mis tu
tus nuestro nuestra nuestros nuestras no
a ante bajo con contra de desde durante en entre hacia hasta mediante para por según sin
sobre tras
y e o u ni pero sino que porque como cuando donde si aunque mientras
yo tú él ella ello ellos ellas nosotros nosotras usted ustedes me te se nos os le les
quien quienes cual cuales esto eso aquello
es son era eran fue fueron ser sido sea está están estaba ha han había hay
"""),
    "ru": _words("""
в во на по с со к ко о об обо от ото до из изо у за над под при про без для через между
перед после против около
и а но или либо да что чтобы если когда как хотя тоже также однако
не ни ли же бы вот даже только уже ещё еще
я ты он она оно мы вы они его её ее их им ему ей нас вас нам вам меня мне себя свой своя
свои своих это этот эта эти этого этой этом тот та те того той том то который которая
которое которые которых кто чей чье чего чем тем весь вся всё все всего всех сам сама
него нее неё них наш какой где так там здесь
"""),
}

#: Common words of news text that are not terms either (beyond the function words).
_COMMON: dict[str, frozenset[str]] = {
    "en": _words("""
again almost also always became dr eight else even ever first five four further get gets
got including just last least less like made make mr mrs ms never new next nine now often
once one only part percent perhaps put rather said say says second see seven six ten
third three thus time times too two use used very way ways well year years
"""),
    "es": _words("""
además algo antes aquí así año años aún cinco cuanto cuatro dice diez dijo dos forma muy
más nada nueve ocho parte poco primer primera primero qué segundo seis siete sí también
tan tanto tiempo tiene tienen tres uno veces vez ya
"""),
    "ru": _words("""
данный момент честь
более будет будут был была были было быть время год года году два есть лет может можно
надо нет ну один одна очень пять раз такой три четыре
"""),
}

#: Reporting verbs ("told Reuters"), page furniture ("read more", "sign up") and calendar
#: words ("stories for Thursday"): news text is full of them and none is a term.
_NEWS: dict[str, frozenset[str]] = {
    "en": _words("""
tell tells told telling saying report reports reported reporting add adds added adding
according accordingly announce announced explain explained noted quoted
read more reply replies leave sign signup newsletter newsletters advertising
advertisement ad ads cookie cookies subscribe subscription subscribers click comment
comments copyright reserved
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
january february march april june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
"""),
    "es": _words("""
ahora dijo afirmó señaló explicó añadió agregó informó aseguró declaró indicó comentó
leer lee comentario comentarios suscríbete suscribirse boletín publicidad cookies
compartir comparte síguenos
lunes martes miércoles jueves viernes sábado domingo hoy ayer mañana
enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre
noviembre diciembre
"""),
    "ru": _words("""
словам сообщает передает передаёт пишет читайте подробнее реклама подписывайтесь
понедельник вторник четверг пятница суббота воскресенье сегодня вчера завтра
январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
января февраля марта апреля мая июня июля августа сентября октября ноября декабря
"""),
}

STOPWORDS: dict[str, frozenset[str]] = {
    lang: FUNCTION_WORDS[lang] | _COMMON[lang] | _NEWS[lang] for lang in FUNCTION_WORDS}

LINKS: dict[str, frozenset[str]] = {
    "en": frozenset({"of", "for", "and"}),
    "es": frozenset({"de", "del", "la", "las", "los", "el", "y", "para"}),
    "ru": frozenset({"и"}),
}


def plain_language(text: str) -> str | None:
    """ru, en or es when the script and function words make it plain, else None.

    Cheap on purpose: ``glossary find`` searches every language it cannot rule out, and
    each one loads a lemma dictionary; a language identifier's model costs more still.
    """
    if re.search("[а-яё]", text, re.IGNORECASE):
        return None if re.search("[a-z]", text, re.IGNORECASE) else "ru"
    words = re.findall(r"[^\W\d_]+", text.lower())
    counts = {lang: sum(w in FUNCTION_WORDS[lang] for w in words) for lang in ("en", "es")}
    best, other = sorted(counts, key=counts.get, reverse=True)
    return best if counts[best] >= 2 and counts[best] >= 2 * counts[other] else None
