"""Function words that cannot start or end a term, per language (short, hand-made lists).

``LINKS`` are the function words allowed *inside* a term: "rule of law",
"cámara de reconocimiento facial".
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words("""
a about above after again against all almost also although always am among an and another
any are around as at be became because been before being below between both but by can
could did do does doing done down during each either else even ever every few for from
further get gets got had has have having he her here hers herself him himself his how
however i if in into is it its itself just last least less like made make many may me
might more most much must my myself near neither never new next no nor not now of off
often on once one only or other our ours ourselves out over own per perhaps put rather
said same say says see several she should since so some such than that the their theirs
them themselves then there these they this those though through thus to too toward
towards under until up upon us use used very via was we well were what whatever when
where whether which while who whom whose why will with within without would yet you
your yours yourself yourselves first second third two three four five six seven eight
nine ten year years time times way ways part also mr mrs ms dr percent including
"""),
    "es": _words("""
a al algo algunas algunos ante antes aquel aquella aquellas aquellos aquí así aún cada
como con contra cual cuales cuando cuanto de del desde donde dos durante e el él ella
ellas ello ellos en entre era eran es esa esas ese eso esos esta está están estaba estas
este esto estos fue fueron ha había han hasta hay la las le les lo los más me mi mis
mismo muy nada ni no nos nosotros o otra otras otro otros para pero poco por porque
que qué quien quienes se sea según ser si sí sido sin sino sobre son su sus también tan
tanto te tiene tienen todo todos tras tu tus un una unas uno unos usted ustedes y ya
yo año años vez veces parte dijo dice según además uno dos tres cuatro cinco seis siete
ocho nueve diez primer primera primero segundo tiempo forma
"""),
    "ru": _words("""
а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да
даже для до его ее её если есть еще ещё же за здесь и из или им их к как какой когда
кто ли либо между меня мне может можно мы на над надо наш не него нее неё нет ни них
но ну о об однако он она они оно от очень по под после при про раз с со так также
такой там те тем то того тоже той только том ты у уже хотя чего чей чем что чтобы чье
эта эти это этого этой этом этот я год года году лет время раз который которая которое
которые которых один одна два три четыре пять также свой своя свои своих сам сама
себя тот та весь вся всё был была будет будут
"""),
}

LINKS: dict[str, frozenset[str]] = {
    "en": frozenset({"of", "for", "and"}),
    "es": frozenset({"de", "del", "la", "las", "los", "el", "y", "para"}),
    "ru": frozenset({"и"}),
}
