"""Context cues of the codebook's decision rules (codebook.py): the words around a trigger that
change its reading ("after X withdrew" makes a capture a non-violent transfer, "foiled" makes an
attack disrupted weapons use). Comments say why where a pattern is not self-explanatory.
"""

from __future__ import annotations

import re

STATE_INTERS = {1}
GOVERNMENT_HINT = re.compile(r"regain|retook|retaken|retake|liberat|purg|cleared|won back|reclaim|"
                             r"(?:took|taken|take|taking) back",
                             re.IGNORECASE)
WITHOUT_FIGHT = re.compile(r"pull(?:ed|ing|s)? out|withdr[ae]w|withdrawal|evacuation deal|handed "
                           r"(?:\w+ ){0,2}over|hand(?:ed)? over|without (?:a )?(?:fight|resistance|fighting)|"
                           r"unopposed|vacated|under (?:the )?(?:terms of )?(?:an? |the )?(?:[\w-]+ ){0,2}"
                           r"(?:deal|agreement|accord|arrangement)", re.IGNORECASE)
# vests and belts as whole words: "the investigation into his suicide" tells no suicide bomb
EXPLOSIVE_CONTEXT = re.compile(r"bomb|blast|explo|attack|\bvests?\b|\bbelts?\b|detonat|blew|kill",
                               re.IGNORECASE)
CONFLICT_AGREEMENT = re.compile(r"cease-?fire|truce|surrender|hostilities|prisoner|hostage|peace|amnesty|"
                                r"armistice|laid down|captives|detainees", re.IGNORECASE)
DISAPPEARED = re.compile(r"vanish|disappeared|(?:went|gone|going|go) missing", re.IGNORECASE)
PERSON_ROLES = {"civilian", "person", "protester"}
# generic words for armed people: in a crime context they are criminals, not an armed group
GENERIC_ARMED = re.compile(r"\b(?:gunm[ae]n|armed (?:men|robbers)|attackers|assailants|hitm[ae]n|"
                           r"robbers|kidnappers|abductors|pirates)\b", re.IGNORECASE)
ORGANISED_CRIME = re.compile(r"\b(?:cartels?|gangs?|gangsters?|mafia|syndicates?|robber(?:s|y|ies)|"
                             r"smuggl\w+|traffick\w+|drug (?:lords?|dealers?|gangs?|war))\b",
                             re.IGNORECASE)
# "drove the militants out of the town": ousting takes territory only from an armed enemy
OUSTING = re.compile(r"\b(?:drove|driven|drive|driving|pushed|push|pushing|forced|chased|chase|chasing|"
                     r"flushed|flush|kicked|ousted|oust|expelled|dislodged|dislodge|routed)\b",
                     re.IGNORECASE)
FELL_TO = re.compile(r"f[ae]ll(?:s|en)? to", re.IGNORECASE)
PREVENTABLE = {"suicide", "explosive", "grenade", "attack", "airstrike", "shelling", "projectile",
               "chemical"}
FOILED = re.compile(r"\b(?:foil(?:ed|s)?|thwart(?:ed|s)?|avert(?:ed|s)?|prevent(?:ed|s)?)\s+"
                    r"(?:(?:an?|the|planned|possible|potential|major|another|\w+-\w+)\s+){0,3}$",
                    re.IGNORECASE)
DELIBERATE = re.compile(r"attack|shot|shoot|stab|beat|lynch|hack|massacr|murder|behead|tortur|"
                        r"assault|raid|storm|gunned|execut|burn(?:ed|t) alive", re.IGNORECASE)
# force a state's men use on people (the trigger's words): ACLED codes it whoever the target is
STATE_FORCE = re.compile(r"shot|shoot|gunned|kill|fired|fire on|beat|tortur|execut",
                         re.IGNORECASE)
# what makes a release the sides' agreement, not a rescue
DEAL = re.compile(r"exchang\w*|swap\w*|deal|agreement|negotiat\w*|ransom|truce|cease-?fire|"
                  r"prisoners?", re.IGNORECASE)
# "bar" the verb, not the lawyers' bar ("members of the Bar Association protested")
NOT_HELD = re.compile(r"\b(?:ban(?:s|ned|ning)?|barred|bar(?!\s+(?:associations?|councils?)\b)|"
                      r"prohibit\w*|outlaw\w*|forb[ia]d\w*|address(?:ing|ed)?|to attend|attending)"
                      r"\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
BREACH_AFTER = re.compile(r"\s*(?:violations?|breach(?:es)?|violators?)\b", re.IGNORECASE)
BREACH_BEFORE = re.compile(r"\b(?:violat\w*|breach\w*)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
SUICIDE_GEAR = re.compile(r"vests?|belts?", re.IGNORECASE)
# a noun group after a verb of taking whose head is a person ("a district officer", "15 women")
PERSON_HEAD = re.compile(r"\W*(?:(?:the|a|an|two|three|four|five|six|seven|eight|nine|ten|\d+|several|"
                         r"dozens of|scores of|hundreds of|more than|at least|some|its|their|his|her|"
                         r"more|[\w-]+)\s+){0,3}?(?:m[ae]n|wom[ae]n|girls?|boys?|children|people|persons|"
                         r"civilians|villagers|residents|passengers|students|pupils|workers|farmers|"
                         r"officers?|officials?|engineers?|priests?|nuns?|journalists?|activists?|"
                         r"teachers|tourists|foreigners|hostages|chiefs?|traders|travell?ers|"
                         r"bodyguards?|drivers?|doctors|nurses|aid workers|missionar(?:y|ies)|"
                         r"policem[ae]n|soldiers?|guards?|troops|worshipp?ers|pilgrims|congregants|"
                         r"parishioners|herders|herdsmen|fisherm[ae]n|miners|shoppers|commuters|motorists|"
                         r"schoolgirls|schoolboys|schoolchildren|monks|pastors|imams|clerics|elders|"
                         r"relatives|family members|families|villagers|inmates|detainees|crew members|"
                         r"sailors|seafarers|refugees|migrants|hikers|customers|guests|patients)\b",
                         re.IGNORECASE)
POSTURE = re.compile(r"front ?lines?|frontlines?|relocat\w+|redeploy\w*|reposition\w*|to (?:their|its) "
                     r"(?:bases|barracks)", re.IGNORECASE)
HANDED = re.compile(r"hand(?:ed|ing|s)? (?:\w+ ){0,3}(?:over|to)|handover|took over|taken over|entered|"
                    r"control", re.IGNORECASE)
UNKNOWN_PLACE = re.compile(r"unknown|undisclosed", re.IGNORECASE)
# "chlorine gas attack kills 6, rescuers say": a chemical used on people, whatever rescue words follow
WEAPON_USE = re.compile(r"attack|shell|bomb|munition|fired|dropped|strike|rocket|missile", re.IGNORECASE)
# "police arrest opposition leader ahead of protest": the protest has not happened yet
PROTEST_AHEAD = re.compile(r"\b(?:ahead of|before|to prevent|to stop|planned|upcoming)\s+(?:[\w-]+\s+){0,3}?"
                           r"(?:protests?|rall(?:y|ies)|demonstrations?|march(?:es)?)\b", re.IGNORECASE)
# an act a protest is about, read before its trigger: "protested against the", "marched to protest
# his", "demanding the release of the": the protest's occasion, an act told as past
_OCCASION_WORD = r"(?:(?!(?:and|but|or|when|while|as|after|then|who|which|where)\b)[\w'’-]+\s+)"
PROTEST_OCCASION_BEFORE = re.compile(
    r"\b(?:protest\w*|rall\w*|demonstrat\w*|march\w*|strike|sit-in|vigil|gathered)\b[^.;]{0,120}?"
    r"(?:\b(?:against|over|protesting|to\s+protest|denouncing|condemning)\s+" + _OCCASION_WORD +
    r"{0,6}$|\b(?:release|freedom)\s+of\s+" + _OCCASION_WORD + r"{0,6}$)|"
    r"\b(?:demand\w*|seek\w*|call\w*\s+for|urg\w*)\s+(?:the\s+)?(?:release|freedom)\s+of\s+"
    + _OCCASION_WORD + r"{0,6}$", re.IGNORECASE)
# "leaders were put under house arrest, while in Chitrakoot workers were arrested": two
# happenings set side by side in one sentence, each told in its own clause
SIDE_BY_SIDE = re.compile(r",\s+(?:while|whereas)\b|;")
# "several were intercepted, while others fell in open areas": some got through, it is a bombardment
SOME_LANDED = re.compile(r"\b(?:others?|some|the rest|remaining|one|two|several)\b[^.;]{0,30}?\b(?:fell|landed|hit|"
                         r"struck|exploded|impacted)\b", re.IGNORECASE)
SURRENDER = re.compile(r"surrender|laid down", re.IGNORECASE)
RELEASE = re.compile(r"released", re.IGNORECASE)
HOSTAGE_RELEASE = re.compile(r"(?:releas\w*|free[ds]?|freeing|exchang\w*|swap\w*) (?:\w+ ){0,3}$",
                             re.IGNORECASE)
# a government's protest ("the ministry protested", "lodged a protest"); a crowd at an embassy
# "to protest" is a demonstration
DIPLOMATIC_PROTEST = re.compile(r"lodged (?:a|an) (?:\w+ )?protest|diplomatic protest|protested to|"
                                r"summon(?:ed|s|ing)? (?:[\w'’-]+ ){0,4}(?:ambassador|envoy|diplomats?|"
                                r"charg[eé] d'affaires|high commissioner|consul)|"
                                r"(?:ministry|embassy) (?:(?!to\b)\w+ )?protest", re.IGNORECASE)
VIOLENCE = re.compile(r"bombard|fighting|clash|attack|offensive|assault|battle|shelling|strikes?\b|"
                      r"killed|storm", re.IGNORECASE)
TAKING = re.compile(r"seiz|captur|taken|took|laid|loot|booty|spoils|arsenal|stole|plunder",
                    re.IGNORECASE)
NOT_PROTEST = re.compile(r"stocks?|shares?|markets?|prices?|dollar|currency|bonds?|index|rall(?:y|ied) "
                         r"(?:support|behind|around)", re.IGNORECASE)
# crowds and communities without an organised armed group (ACLED "Mob violence")
MOB = re.compile(r"mobs?|lynch|vigilante|communal|jungle justice|mob justice|villagers", re.IGNORECASE)
# firearms used (not "armed with sticks"): what makes a fight of communities a battle
FIREARMS = re.compile(r"\b(?:guns?|gunfire|gun ?(?:shots?|battles?|fights?)|firearms?|rifles?|"
                      r"pistols?|opened fire|exchang\w* (?:of )?fire|firing|shooting|shot|"
                      r"bullets?)\b", re.IGNORECASE)
# communities fighting each other with no armed group named: mob violence, not a battle
COMMUNITIES = re.compile(r"\bcommunities|\bclans?\b|tribesmen|rival (?:groups of )?(?:residents|youths|"
                         r"villagers)", re.IGNORECASE)
WEAPON_SOURCE = re.compile(r"from (?:a |an |the )?(?:\w+[- ]){0,3}(?:base|camp|depot|army|troops|"
                           r"soldiers|forces|barracks|positions)|booty|spoils|arsenal",
                           re.IGNORECASE)
STRIKE_WORK = re.compile(r"strike|walkout|strikers", re.IGNORECASE)
SHELLING_ACT = re.compile(r"shell(?:ed|ing)|bombard|attack|fire|strike|barrage", re.IGNORECASE)
THROWN = re.compile(r"thr[eo]w|hurl|lob|toss|explod|attack|injur|wound|kill", re.IGNORECASE)
EXPLOSIVE_WEAPON = re.compile(r"\b(?:(?<!petrol )bombs?|IEDs?|explosives|explosive devices?|"
                              r"land ?mines?|grenades?|detonators?|suicide)\b", re.IGNORECASE)
EXPLODED = re.compile(r"blast|explosion|explod|detonat|blew|went off", re.IGNORECASE)
ACCIDENT = re.compile(r"\baccident(?:al|ally|s)?\b|no attack|not an attack|malfunction|"
                      r"technical (?:fault|failure)|mishandl", re.IGNORECASE)
PRO_GOVERNMENT = re.compile(r"pro-(?:government|regime|state)|loyalist|government-(?:backed|allied)",
                            re.IGNORECASE)
SEARCH = re.compile(r"\braid(?:s|ed)?\b|search(?:es|ed)?\b|crackdown|sweep|checkpoint|"
                    r"cordon", re.IGNORECASE)
TEST = re.compile(r"test|video|nuclear", re.IGNORECASE)
# a verb telling the act itself ("attacked", "beat to death", "burnt alive"), not a noun ("attack")
# the unorganised many of ACLED's mob violence (not a named community's or occupation's militia)
CROWD = re.compile(r"\b(?:mobs?|crowds?|villagers|residents|locals|youths|people|neighbou?rs|"
                   r"passers-?by|onlookers|group of (?:\w+ )?(?:men|people|youths|residents)|"
                   r"(?:dozens|hundreds|scores) of (?:[\w-]+ )?(?:men|youths|people)|"
                   r"armed with (?:sticks|clubs|machetes|stones|rods|knives|bats))\b",
                   re.IGNORECASE)
ENTRY = re.compile(r"raid|storm", re.IGNORECASE)
# people hurt in a sentence ("killed", "injured", "beat", "opened fire"): a raid that does it is
# violence, not only a way of detaining
PEOPLE_HARMED = re.compile(r"\b(?:kill\w*|dead|died|deaths?|injur\w*|wound\w*|shot|shoot\w*|"
                           r"beat\w*|tortur\w*|fired|gunfire|open(?:ed)? fire|stabb\w*|hurt)\b",
                           re.IGNORECASE)
FINITE_VIOLENCE = re.compile(r"\w+(?:ed|t)\b|beat|lynch", re.IGNORECASE)
