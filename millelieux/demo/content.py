"""Demo content: two explorations, written by the platform team from public facts.

Everything here is demonstration content, in the project's own words: names, communes, dates and building
histories come from public sources (press articles, institutional pages, the 2019 national census of
tiers-lieux); nothing is copied from the original studies. A fact that is not publicly known is left empty
(None or "") and the pages show « non renseigné » instead of a guess. Interviews are reconstructed and
paraphrased exchanges: they speak for teams, never in the name of a real person.

A body/foreword/method/restitution is a list of blocks, each a tuple:
    ("heading", "text") | ("paragraph", "text; may contain <b>/<i> only") | ("quote", "text", "attribution")
"""

DEMO_SOURCE = "Démonstration — synthèse de sources publiques"
ARTICLES_DATE = "2026-11-25"  # the day these demonstration texts were written, not a date of the 2019 study

DEMO_NOTICE = (
    "Texte de démonstration : cet échange a été reconstitué et reformulé par l'équipe de la plateforme à "
    "partir d'informations publiques ; il ne reproduit pas un entretien réel et ne cite personne."
)

# -- Mille Lieux: the exploration ----------------------------------------------------------------------------

MILLE_LIEUX_FOREWORD = [
    ("heading", "Avertissement"),
    ("paragraph",
     "<b>Ceci est un contenu de démonstration</b>, rédigé par l'équipe de la plateforme à partir de faits "
     "publics : noms, communes, dates, histoire des bâtiments. Ce n'est pas le texte de l'étude originale, "
     "dont rien n'est reproduit ici. Quand un fait n'est pas connu publiquement (surface, nombre de membres, "
     "taille de l'équipe, répartition des recettes), la fiche affiche « non renseigné » plutôt qu'une "
     "estimation."),
    ("paragraph",
     "L'exploration Mille Lieux a été conduite par Le Lab Ouishare x Chronos et présentée au printemps 2019, "
     "avec le soutien de l'ADEME, de la Banque des Territoires (Caisse des Dépôts), de Transdev et "
     "d'Arp-Astrance. Elle portait sur huit tiers-lieux en France et en Europe, dont La Quincaillerie à "
     "Guéret et Les Riverains à Auxerre. Les six autres monographies de cette démonstration décrivent "
     "d'autres lieux français, choisis par l'équipe de la plateforme pour couvrir des territoires variés : "
     "métropoles, villes moyennes, villages. Les observations qui relient un lieu à un impact sont des "
     "synthèses de démonstration, pas des résultats d'enquête."),
    ("heading", "Regarder au-delà des chiffres"),
    ("paragraph",
     "Un tiers-lieu se mesure mal au chiffre d'affaires qu'il génère ou aux emplois qu'il héberge. Ce qui "
     "compte pour un territoire se joue souvent ailleurs : dans la manière dont un bâtiment vide retrouve un "
     "usage, dont des personnes qui ne se croisaient pas se mettent à travailler ensemble, dont des "
     "ressources deviennent communes. L'exploration regarde donc les lieux à travers quatre champs : la "
     "transformation des territoires, le rapport au travail, la création de communs et la transition "
     "écologique."),
    ("paragraph",
     "Les tiers-lieux ne sont pas une réponse miracle : plusieurs impacts décrits ici sont des limites, et "
     "l'une des monographies raconte un lieu qui a fermé. Les comprendre finement aide les collectivités, "
     "les porteurs de projets et les habitants à décider en connaissance de cause."),
]

MILLE_LIEUX_METHOD = [
    ("heading", "Deux clés d'entrée"),
    ("paragraph",
     "La première clé est celle des <b>terrains</b> : huit monographies, chacune avec une fiche technique, "
     "une carte de situation, une frise chronologique et la liste des parties prenantes, pour lire chaque "
     "lieu dans son territoire. La seconde est celle des <b>impacts</b> : huit effets, positifs ou limites, "
     "que ces lieux produisent (ou ne produisent pas) autour d'eux."),
    ("paragraph",
     "Les deux clés se rejoignent dans les <i>observations</i> : pour un lieu et un impact donnés, ce qui "
     "s'observe, avec une intensité de 1 (faible) à 3 (forte). Le tableau croisé des lieux et des impacts "
     "permet de passer librement de l'une à l'autre."),
    ("heading", "Quatre champs d'exploration"),
    ("paragraph",
     "Chaque impact se rattache à un ou plusieurs champs : la transformation des territoires, le rapport au "
     "travail, la création de communs et la transition écologique. Les filtres par champ permettent de "
     "suivre un fil de lecture à travers les terrains."),
    ("heading", "Sources de cette démonstration"),
    ("paragraph",
     "Les faits proviennent d'articles de presse, de pages institutionnelles et du recensement national des "
     "tiers-lieux publié par le CGET en 2019. Les coordonnées géographiques des lieux ne sont pas "
     "renseignées dans cette démonstration. Les intensités sont des appréciations indicatives de l'équipe de "
     "la plateforme. Les entretiens de la série sont des reconstitutions paraphrasées : ils parlent au nom "
     "d'équipes, jamais d'une personne nommée."),
]

MILLE_LIEUX_FIELDS = [
    {
        "slug": "transformation-des-territoires",
        "title": "La transformation des territoires",
        "description": "Comment un lieu change son quartier, sa ville ou son village : bâtiments "
                       "réhabilités, centres-bourgs ranimés, services rapprochés des habitants, image du "
                       "territoire.",
        "colour": "#1F6F5C",
        "icon": "territory",
    },
    {
        "slug": "rapport-au-travail",
        "title": "Le rapport au travail",
        "description": "Ce que ces lieux font au travail : indépendants qui rompent l'isolement, salariés "
                       "qui travaillent près de chez eux, apprentissages entre pairs, frontières entre "
                       "métiers.",
        "colour": "#B5562B",
        "icon": "work",
    },
    {
        "slug": "creation-de-communs",
        "title": "La création de communs",
        "description": "Les ressources partagées et gouvernées ensemble : outils, savoirs, espaces, règles "
                       "d'usage, et la manière dont une communauté en prend soin.",
        "colour": "#3D5A98",
        "icon": "commons",
    },
    {
        "slug": "transition-ecologique",
        "title": "La transition écologique",
        "description": "Réemploi, circuits courts, rénovation sobre, mobilités : ce que les lieux changent "
                       "réellement dans les pratiques, et ce qui reste au stade de l'intention.",
        "colour": "#5B8C2A",
        "icon": "ecology",
    },
]

MILLE_LIEUX_PARTNERS = [
    {
        "name": "Transdev",
        "url": "https://www.transdev.com",
        "description": "Opérateur de transport public de voyageurs.",
        "role": "Soutien de l'exploration",
    },
    {
        "name": "Caisse des Dépôts — Banque des Territoires",
        "url": "https://www.banquedesterritoires.fr",
        "description": "Institution financière publique ; la Banque des Territoires est sa direction "
                       "consacrée aux collectivités et aux projets des territoires.",
        "role": "Soutien de l'exploration",
    },
    {
        "name": "Arp-Astrance",
        "url": "",
        "description": "Cabinet de conseil.",
        "role": "Soutien de l'exploration",
    },
    {
        "name": "ADEME",
        "url": "https://www.ademe.fr",
        "description": "Agence de la transition écologique, établissement public de l'État.",
        "role": "Soutien de l'exploration",
    },
]

# -- Mille Lieux: the eight places ---------------------------------------------------------------------------

HOTEL_PASTEUR = {
    "slug": "hotel-pasteur",
    "title": "Hôtel Pasteur",
    "summary": "Au cœur de Rennes, l'ancienne faculté des sciences, devenue faculté dentaire, a été ouverte "
               "en 2013 à une expérimentation sans programme fixé d'avance. Devenue « hôtel à projets », "
               "elle accueille pour un temps des initiatives artistiques, sociales ou économiques, et "
               "partage aujourd'hui le bâtiment réhabilité avec une école maternelle.",
    "commune_code": "35238",
    "commune_name": "Rennes",
    "address": "2 place Pasteur, 35000 Rennes",
    "latitude": None,
    "longitude": None,
    "opening_year": 2013,
    "legal_form": "",
    "governance": "Bâtiment de la Ville de Rennes. L'expérimentation a été lancée par la Ville avec "
                  "l'Université foraine ; la réhabilitation a été confiée à la société publique Territoires "
                  "Publics. Depuis la réouverture, une association gère le lieu.",
    "surface_m2": None,
    "members_count": None,
    "team_size": None,
    "business_model": "",
    "website": "http://www.hotelpasteur.fr",
    "activities": ["Hébergement d'associations", "Résidences d'artistes", "Événements culturels", "Réemploi"],
    "revenue_shares": [],
    "body": [
        ("heading", "Un monument scientifique au bord de la Vilaine"),
        ("paragraph",
         "Le bâtiment, construit à partir de 1888 par l'architecte municipal Jean-Baptiste Martenot, ferme "
         "un côté de la place Pasteur, le long du quai de la Vilaine. La faculté des sciences l'a occupé "
         "jusqu'à son départ pour le campus de Beaulieu, puis la faculté dentaire et son centre de soins s'y "
         "sont installés jusqu'en 2018. Une grande partie de l'édifice restait pourtant fermée au public."),
        ("heading", "Expérimenter avant de programmer"),
        ("paragraph",
         "En 2013, plutôt que d'arrêter un programme, la Ville choisit de tester des usages. L'Université "
         "foraine, démarche portée par l'architecte Patrick Bouchain, investit les étages, et une permanence "
         "architecturale s'installe sur place : une architecte, présente au quotidien, accueille et ajuste. "
         "À partir de 2016, le lieu prend le nom d'« hôtel à projets » : on y séjourne quelques heures ou "
         "quelques mois pour répéter, fabriquer, se réunir, à condition d'ouvrir sa porte aux autres."),
        ("heading", "Une réhabilitation nourrie par l'usage"),
        ("paragraph",
         "Les enseignements de cette occupation ont orienté la réhabilitation, confiée à Territoires Publics "
         "en 2015 : le bâtiment devait accueillir une école maternelle et un espace consacré au numérique "
         "éducatif, tout en gardant des espaces ouverts aux projets de la société civile. Les travaux ont "
         "commencé en 2018, et le lieu a rouvert avec ses hôtes et l'école du Faux-Pont."),
        ("paragraph",
         "L'Hôtel Pasteur pose une question centrale pour l'exploration : que gagne une ville à laisser un "
         "bâtiment public se définir par ses usages plutôt que par un cahier des charges, et comment garder "
         "cette ouverture une fois les murs rénovés ?"),
    ],
    "timeline": [
        {"start_year": 1888, "start_month": None, "end_year": None, "kind": "building",
         "title": "Construction de la faculté des sciences",
         "text": "Le chantier de l'édifice, dessiné par l'architecte municipal, commence place Pasteur."},
        {"start_year": 1969, "start_month": None, "end_year": 2018, "kind": "building",
         "title": "La faculté dentaire occupe le bâtiment",
         "text": "Après le départ des sciences vers Beaulieu, l'odontologie et son centre de soins s'y "
                 "installent."},
        {"start_year": 2013, "start_month": None, "end_year": None, "kind": "origin",
         "title": "L'Université foraine ouvre les étages",
         "text": "La Ville de Rennes lance une expérimentation sur l'avenir du bâtiment, sans programme "
                 "arrêté."},
        {"start_year": 2015, "start_month": None, "end_year": None, "kind": "building",
         "title": "La réhabilitation est confiée à Territoires Publics",
         "text": "Deux axes : une école maternelle et un espace numérique éducatif, et un lieu ouvert aux "
                 "projets."},
        {"start_year": 2016, "start_month": None, "end_year": None, "kind": "governance",
         "title": "Naissance de l'« hôtel à projets »",
         "text": "Le lieu accueille temporairement des projets émergents, artistiques, sociaux ou "
                 "économiques."},
        {"start_year": 2018, "start_month": 2, "end_year": None, "kind": "building",
         "title": "Début des grands travaux",
         "text": "Le centre de soins dentaires a déménagé ; le chantier de réhabilitation commence."},
    ],
    "stakeholders": [
        {"name": "Ville de Rennes", "kind": "public_authority", "scale": "local",
         "relation": "Propriétaire du bâtiment, à l'initiative de l'expérimentation lancée en 2013."},
        {"name": "Territoires Publics", "kind": "partner", "scale": "intercommunal",
         "relation": "Société publique d'aménagement chargée de la réhabilitation à partir de 2015."},
        {"name": "Université foraine", "kind": "other", "scale": "national",
         "relation": "Démarche d'architecture et d'occupation qui a ouvert le bâtiment aux usages."},
        {"name": "École maternelle du Faux-Pont", "kind": "neighbour", "scale": "local",
         "relation": "Partage le bâtiment réhabilité avec l'hôtel à projets."},
        {"name": "Porteurs de projets hébergés", "kind": "user_group", "scale": "intercommunal",
         "relation": "Associations, artistes et collectifs qui séjournent dans le lieu pour un temps."},
    ],
}

LA_QUINCAILLERIE = {
    "slug": "la-quincaillerie",
    "title": "La Quincaillerie",
    "summary": "À Guéret, préfecture de la Creuse, un tiers-lieu né dans une ancienne quincaillerie du "
               "centre-ville et porté par la communauté d'agglomération du Grand Guéret. Fablab, coworking, "
               "médias associatifs, formation au numérique et café y forment un service public d'un genre "
               "nouveau, ouvert à tous.",
    "commune_code": "23096",
    "commune_name": "Guéret",
    "address": "22 avenue Charles de Gaulle, 23000 Guéret",
    "latitude": None,
    "longitude": None,
    "opening_year": 2015,
    "legal_form": "Équipement de la communauté d'agglomération du Grand Guéret",
    "governance": "Le lieu est un service de l'agglomération, animé par une équipe de coordination en lien "
                  "avec les associations résidentes et les usagers. Une réflexion sur une gouvernance "
                  "coopérative (SCIC) a été engagée pour associer davantage les usagers.",
    "surface_m2": 1000,
    "members_count": None,
    "team_size": None,
    "business_model": "",
    "website": "https://agglo-grandgueret.org/quincaillerie",
    "activities": ["Tiers-lieu numérique", "Fablab", "Coworking", "Formation", "Café", "Événements culturels",
                   "Hébergement d'associations", "Espace de services publics", "Médias associatifs"],
    "revenue_shares": [],
    "body": [
        ("heading", "D'une semaine éphémère à un équipement public"),
        ("paragraph",
         "En 2012, pour fêter les cinq ans d'une radio associative, des habitants et des associations "
         "investissent quelques jours une boutique vide du centre de Guéret. Wifi libre, café, plateaux "
         "radio, mobilier prêté par une ressourcerie : le lieu devient un point de rencontre qui manquait à "
         "la ville. L'expérience convainc les élus, et l'agglomération loue une ancienne quincaillerie "
         "d'environ 300 m² pour en faire un tiers-lieu, inauguré en mars 2015."),
        ("heading", "Un service public qui ressemble à un café"),
        ("paragraph",
         "On y trouve un fablab, un espace de coworking, des médias citoyens, des ateliers d'initiation au "
         "numérique et un bar associatif. Le lieu sert aussi de domicile à de nombreuses associations. "
         "L'accueil y est inconditionnel : on peut entrer pour un café, pour se connecter, pour se former ou "
         "pour monter un projet, et y croiser des usagers du CCAS ou de la mission locale comme des "
         "travailleurs indépendants."),
        ("heading", "Changer d'échelle"),
        ("paragraph",
         "En 2019, La Quincaillerie s'installe dans d'anciens locaux commerciaux plus vastes, au cœur d'un "
         "quartier en rénovation : environ 1 000 m² avec une salle de spectacle, des studios radio, le "
         "fablab et un coworking en mezzanine. Elle anime aussi Tela, le réseau des tiers-lieux creusois. "
         "Porté par une collectivité, le lieu interroge l'exploration sur la place d'un tiers-lieu dans "
         "l'action publique, et sur sa dépendance aux choix politiques."),
    ],
    "timeline": [
        {"start_year": 2012, "start_month": None, "end_year": None, "kind": "origin",
         "title": "Une boutique vide ouverte pour quelques jours",
         "text": "Les cinq ans d'une radio associative locale servent de préfiguration au futur tiers-lieu."},
        {"start_year": 2015, "start_month": 3, "end_year": None, "kind": "opening",
         "title": "Inauguration dans une ancienne quincaillerie",
         "text": "Le lieu ouvre en centre-ville, porté par la communauté d'agglomération du Grand Guéret."},
        {"start_year": 2019, "start_month": None, "end_year": None, "kind": "building",
         "title": "Installation dans un bâtiment plus grand",
         "text": "D'anciens locaux commerciaux, isolés en paille et aménagés en bois local, accueillent le "
                 "lieu."},
        {"start_year": 2020, "start_month": None, "end_year": None, "kind": "governance",
         "title": "Le réseau Tela est labellisé « Fabrique de territoire »",
         "text": "La Quincaillerie joue le rôle de locomotive du réseau départemental des tiers-lieux."},
    ],
    "stakeholders": [
        {"name": "Communauté d'agglomération du Grand Guéret", "kind": "public_authority",
         "scale": "intercommunal", "relation": "Porte le lieu, qui est l'un de ses services."},
        {"name": "Radio Pays de Guéret", "kind": "association", "scale": "local",
         "relation": "Média associatif installé dans le lieu, lié à la préfiguration de 2012."},
        {"name": "Association 23D", "kind": "association", "scale": "local",
         "relation": "Anime le fablab et ses machines."},
        {"name": "Réseau Tela", "kind": "network", "scale": "departmental",
         "relation": "Réseau creusois des tiers-lieux, dont La Quincaillerie est un moteur."},
        {"name": "Usagers du CCAS, du centre socioculturel et de la mission locale", "kind": "user_group",
         "scale": "local", "relation": "Fréquentent le lieu pour se connecter, se former, se rencontrer."},
    ],
}

LES_RIVERAINS = {
    "slug": "les-riverains",
    "title": "Les Riverains",
    "summary": "À Auxerre, un tiers-lieu associatif né d'un fablab et installé dans des locaux de la gare, "
               "soutenu par l'agglomération : coworking, fabrication numérique, matériauthèque, jardin "
               "partagé et médiation scientifique. L'association a annoncé sa dissolution pour 2021, ce qui "
               "en fait un terrain précieux pour comprendre la fragilité de ces lieux.",
    "commune_code": "89024",
    "commune_name": "Auxerre",
    "address": "Gare d'Auxerre-Saint-Gervais, 89000 Auxerre",
    "latitude": None,
    "longitude": None,
    "opening_year": None,
    "legal_form": "Association",
    "governance": "Une association gestionnaire fédérait plusieurs structures résidentes (fablab, réemploi, "
                  "sérigraphie, médiation scientifique, jardin), avec le soutien de la communauté "
                  "d'agglomération de l'Auxerrois.",
    "surface_m2": None,
    "members_count": None,
    "team_size": None,
    "business_model": "",
    "website": "",
    "activities": ["Coworking", "Fablab", "Jardin", "Réemploi", "Formation"],
    "revenue_shares": [],
    "body": [
        ("heading", "Des bricoleurs aux riverains"),
        ("paragraph",
         "Tout part d'un fablab associatif, L'Atelier des Beaux Boulons, dont les premiers locaux ont été "
         "financés par une collecte en ligne. Les membres y viennent bientôt autant pour discuter et "
         "travailler que pour fabriquer : un coworking informel est né. Après un tour de France des "
         "tiers-lieux et une étude de préfiguration, le projet est présenté à la communauté d'agglomération "
         "de l'Auxerrois, qui cherche alors à soutenir un outil d'innovation sur son territoire."),
        ("heading", "Un lieu au bord des voies"),
        ("paragraph",
         "Le tiers-lieu s'installe à titre provisoire dans des locaux de la gare, en attendant une ancienne "
         "halle ferroviaire voisine. On y trouve un espace de travail partagé, le fablab et un espace de "
         "fabrication pour les professionnels, un atelier de sérigraphie, une matériauthèque pour le "
         "réemploi, l'antenne locale des Petits Débrouillards et un jardin partagé que les voyageurs "
         "aperçoivent depuis les quais. Les locaux sont inaugurés en avril 2018."),
        ("heading", "Une fin annoncée"),
        ("paragraph",
         "Le déménagement prévu ne se fait pas. Entre les travaux de la gare, le report du chantier d'un "
         "autre bâtiment, la baisse des subventions et les pertes d'activité des confinements, l'association "
         "annonce une dissolution étalée sur 2021, en transmettant certaines compétences au réseau "
         "départemental. Les Riverains rappellent que l'énergie d'une communauté ne suffit pas sans locaux "
         "stables et sans soutien durable."),
    ],
    "timeline": [
        {"start_year": 2017, "start_month": None, "end_year": None, "kind": "origin",
         "title": "Le projet de tiers-lieu est rendu public",
         "text": "Porté par le fablab associatif et soutenu par l'agglomération, il vise une ancienne "
                 "halle."},
        {"start_year": 2018, "start_month": 4, "end_year": None, "kind": "opening",
         "title": "Inauguration des locaux de la gare",
         "text": "Les locaux provisoires sont inaugurés en présence des élus et du préfet de l'Yonne."},
        {"start_year": 2021, "start_month": None, "end_year": None, "kind": "governance",
         "title": "Dissolution de l'association",
         "text": "L'association achève ses actions en cours et transfère certaines compétences au réseau "
                 "départemental."},
    ],
    "stakeholders": [
        {"name": "Communauté d'agglomération de l'Auxerrois", "kind": "public_authority",
         "scale": "intercommunal", "relation": "A soutenu la création du tiers-lieu et son installation."},
        {"name": "L'Atelier des Beaux Boulons", "kind": "association", "scale": "local",
         "relation": "Fablab associatif à l'origine du projet, résident du lieu."},
        {"name": "Les Petits Débrouillards", "kind": "association", "scale": "departmental",
         "relation": "Antenne de médiation scientifique et d'éducation populaire installée dans le lieu."},
        {"name": "Au bonheur des chutes", "kind": "association", "scale": "local",
         "relation": "Matériauthèque consacrée au réemploi des matériaux."},
        {"name": "Collectif 112", "kind": "company", "scale": "local",
         "relation": "Collectif de graphistes et de développeurs qui louait un bureau partagé."},
    ],
}

LA_COROUTINE = {
    "slug": "la-coroutine",
    "title": "La Coroutine",
    "summary": "À Lille, un espace de coworking associatif, autofinancé et géré par ses usagers depuis 2010. "
               "Indépendants, salariés, artistes, étudiants et demandeurs d'emploi y partagent bureaux, "
               "cuisine et outils, et se répartissent eux-mêmes les tâches du lieu.",
    "commune_code": "59350",
    "commune_name": "Lille",
    "address": "8 rue Molière, Lille",
    "latitude": None,
    "longitude": None,
    "opening_year": 2010,
    "legal_form": "Association loi 1901",
    "governance": "Autogestion : les membres financent le lieu par leurs contributions et se partagent "
                  "bénévolement les tâches pratiques et administratives, outillés par un wiki commun.",
    "surface_m2": 170,
    "members_count": None,
    "team_size": None,
    "business_model": "Contributions des usagers et location ponctuelle de salles ; le lieu a longtemps "
                      "fonctionné sans subvention publique.",
    "website": "http://www.lacoroutine.org",
    "activities": ["Coworking", "Location de salles", "Paniers de producteurs"],
    "revenue_shares": [],
    "body": [
        ("heading", "Un lieu fait par ceux qui l'utilisent"),
        ("paragraph",
         "La Coroutine naît d'un groupe d'amis et de connaissances qui veulent partager leur lieu de "
         "travail. Après une occupation de courte durée dans un grand plateau vide du centre de Lille, le "
         "collectif loue un appartement de la rue Molière, puis s'installe quelques mètres plus loin dans un "
         "local d'environ 170 m². L'espace fonctionne depuis novembre 2010, sous statut associatif."),
        ("heading", "Les pratiques du logiciel libre, appliquées à un lieu"),
        ("paragraph",
         "Le fonctionnement emprunte aux communautés numériques : documentation partagée, tâches réparties "
         "entre volontaires, amélioration continue. Il n'y a pas de gestionnaire pour servir des clients ; "
         "chacun contribue à faire tourner le lieu. Le mélange des statuts est recherché : travailleurs "
         "indépendants, associations, étudiants, personnes en recherche d'emploi."),
        ("heading", "Ouvert sur le quartier"),
        ("paragraph",
         "Autour du travail se greffent d'autres usages : repas cuisinés ensemble, commandes groupées de "
         "légumes auprès d'un agriculteur de la région, imprimante 3D, salle de réunion. À certaines heures, "
         "la cuisine devient un espace libre pour des personnes sans emploi ou des étudiants. La Coroutine "
         "montre qu'un coworking peut être un commun géré par sa communauté, et pose la question de sa "
         "durabilité quand tout repose sur l'engagement bénévole. Elle interroge aussi l'échelle : un "
         "fonctionnement fondé sur la confiance entre membres peut-il grandir sans perdre ce qui le rend "
         "possible ?"),
    ],
    "timeline": [
        {"start_year": 2010, "start_month": 11, "end_year": None, "kind": "opening",
         "title": "Ouverture de l'espace de coworking associatif",
         "text": "Un collectif d'amis lance un lieu de travail partagé, autofinancé et autogéré."},
        {"start_year": 2011, "start_month": 4, "end_year": None, "kind": "funding",
         "title": "Appel public à soutien",
         "text": "Le collectif sollicite les communautés du logiciel libre pour pérenniser le lieu."},
        {"start_year": 2012, "start_month": None, "end_year": None, "kind": "building",
         "title": "Une année difficile, puis un local plus grand",
         "text": "Après une année semée d'embûches, le collectif se stabilise et prépare son installation "
                 "dans un local d'environ 170 m²."},
    ],
    "stakeholders": [
        {"name": "Membres de La Coroutine", "kind": "user_group", "scale": "local",
         "relation": "Financent le lieu et en assurent ensemble la gestion quotidienne."},
        {"name": "Lille Makers", "kind": "network", "scale": "intercommunal",
         "relation": "Mouvement de makers lillois auquel participent des membres du lieu."},
        {"name": "Agriculteur de la région", "kind": "company", "scale": "regional",
         "relation": "Fournit les paniers de légumes bio commandés en groupe par les usagers."},
        {"name": "Habitants du quartier", "kind": "neighbour", "scale": "local",
         "relation": "Le lieu se veut ouvert sur son quartier, populaire et proche du centre."},
    ],
}

DARWIN = {
    "slug": "darwin",
    "title": "Darwin Écosystème",
    "summary": "Sur la rive droite de Bordeaux, les anciens magasins généraux de la caserne Niel, rachetés "
               "et rénovés par une initiative privée, réunissent depuis 2012 des entreprises et des "
               "associations de l'économie verte et créative, un restaurant bio, une ferme urbaine et un "
               "skatepark. Un lieu très fréquenté, au cœur d'un quartier en pleine transformation.",
    "commune_code": "33063",
    "commune_name": "Bordeaux",
    "address": "87 quai des Queyries, 33100 Bordeaux",
    "latitude": None,
    "longitude": None,
    "opening_year": 2012,
    "legal_form": "",
    "governance": "Initiative privée portée par le groupe Évolution, qui a acquis et rénové les magasins "
                  "généraux. Les terrains voisins sont occupés sous autorisations temporaires accordées par "
                  "la Métropole, dans le périmètre de l'opération d'aménagement Bastide Niel.",
    "surface_m2": None,
    "members_count": None,
    "team_size": None,
    "business_model": "",
    "website": "http://darwin.camp",
    "activities": ["Coworking", "Restauration", "Épicerie", "Agriculture urbaine", "Événements culturels",
                   "Hébergement d'associations", "Skatepark"],
    "revenue_shares": [],
    "body": [
        ("heading", "Une friche militaire sur la rive droite"),
        ("paragraph",
         "Les deux grands bâtiments des magasins généraux, élevés au milieu du XIXe siècle au bord de la "
         "Garonne, puis la caserne Niel achevée en 1877, ont longtemps servi l'armée. Après son départ en "
         "2005, le site devient un terrain de graffiti et de street art, menacé de démolition. En 2007, la "
         "communauté urbaine acquiert le secteur Bastide Niel ; des ateliers avec les habitants conduisent à "
         "préserver une partie du patrimoine, et le projet Darwin y trouve sa place."),
        ("heading", "Un écosystème d'entreprises et d'associations"),
        ("paragraph",
         "Le groupe Évolution rachète les magasins généraux et engage une dépollution et une rénovation "
         "écologique lourdes. Un skatepark couvert ouvre dès 2010 ; à l'automne 2012, une première tranche "
         "de bureaux partagés accueille ses premières entreprises. Suivent une ferme urbaine, un grand "
         "restaurant bio et une épicerie, des associations réunies sur le site, des festivals. Le lieu "
         "revendique une stratégie de sobriété énergétique et de réemploi."),
        ("heading", "Un lieu-vitrine dans une ville qui se transforme"),
        ("paragraph",
         "Darwin est devenu l'une des adresses les plus fréquentées de Bordeaux. Son succès interroge "
         "l'exploration : un tiers-lieu d'initiative privée peut-il rester ouvert à tous quand il devient "
         "une destination ? Et comment un projet qui s'étend sur des terrains occupés à titre temporaire "
         "s'articule-t-il avec l'aménagement de tout un quartier ?"),
    ],
    "timeline": [
        {"start_year": 2005, "start_month": None, "end_year": None, "kind": "other",
         "title": "L'armée quitte la caserne Niel",
         "text": "Le site devient une friche investie par le graffiti et le street art."},
        {"start_year": 2007, "start_month": None, "end_year": None, "kind": "origin",
         "title": "Acquisition du site et naissance du projet",
         "text": "La communauté urbaine acquiert le secteur Bastide Niel ; le projet Darwin prend forme."},
        {"start_year": 2010, "start_month": None, "end_year": None, "kind": "activity",
         "title": "Ouverture du skatepark couvert",
         "text": "Premier équipement ouvert dans les anciens bâtiments militaires."},
        {"start_year": 2012, "start_month": None, "end_year": None, "kind": "opening",
         "title": "Première tranche de bureaux partagés",
         "text": "Les premières entreprises s'installent dans les magasins généraux rénovés."},
        {"start_year": 2013, "start_month": None, "end_year": None, "kind": "activity",
         "title": "Une ferme urbaine rejoint le site",
         "text": "L'agriculture urbaine s'ajoute aux activités économiques et associatives."},
        {"start_year": 2014, "start_month": None, "end_year": None, "kind": "activity",
         "title": "Ouverture du Magasin Général",
         "text": "Un grand restaurant et une épicerie bio s'installent dans les magasins généraux."},
        {"start_year": 2015, "start_month": None, "end_year": None, "kind": "event",
         "title": "Première édition du festival Climax",
         "text": "Un festival engagé sur l'écologie est organisé sur le site, au début de septembre."},
    ],
    "stakeholders": [
        {"name": "Groupe Évolution", "kind": "company", "scale": "regional",
         "relation": "Porteur du projet, propriétaire et rénovateur des magasins généraux."},
        {"name": "Bordeaux Métropole", "kind": "public_authority", "scale": "intercommunal",
         "relation": "Propriétaire du foncier voisin, occupé sous autorisations temporaires."},
        {"name": "Ville de Bordeaux", "kind": "public_authority", "scale": "local",
         "relation": "A réuni les habitants sur l'avenir du secteur Bastide Niel."},
        {"name": "Entreprises résidentes", "kind": "user_group", "scale": "intercommunal",
         "relation": "Entreprises de l'économie verte et créative installées dans les bureaux partagés."},
        {"name": "Associations résidentes", "kind": "association", "scale": "local",
         "relation": "Associations sportives, culturelles et solidaires accueillies sur le site."},
    ],
}

LE_CHAMP_COMMUN = {
    "slug": "le-champ-commun",
    "title": "Le Champ Commun",
    "summary": "À Augan, village du Morbihan, une coopérative d'intérêt collectif a rouvert en 2010 un bar, "
               "puis une épicerie, un relais postal, une microbrasserie, une auberge et un restaurant. Un "
               "tiers-lieu rural où les habitants maintiennent ensemble les commerces et les services de "
               "proximité.",
    "commune_code": "56006",
    "commune_name": "Augan",
    "address": "",
    "latitude": None,
    "longitude": None,
    "opening_year": 2010,
    "legal_form": "SCIC (société coopérative d'intérêt collectif)",
    "governance": "Société coopérative d'intérêt collectif : les grandes décisions reviennent aux associés, "
                  "et la gérance est partagée entre plusieurs cogérants.",
    "surface_m2": None,
    "members_count": None,
    "team_size": None,
    "business_model": "Recettes commerciales de l'épicerie, du bar, de la brasserie, de l'auberge et du "
                      "restaurant ; l'auberge a bénéficié d'un financement participatif et de soutiens "
                      "publics.",
    "website": "http://www.lechampcommun.fr",
    "activities": ["Café", "Épicerie", "Brasserie", "Restauration", "Hébergement touristique",
                   "Événements culturels", "Espace de services publics"],
    "revenue_shares": [],
    "body": [
        ("heading", "Vivre, travailler et faire ses courses au village"),
        ("paragraph",
         "Le projet naît d'un groupe d'amis, certains venus d'ailleurs, d'autres enfants d'Augan, qui "
         "veulent créer des emplois en milieu rural de manière coopérative et éviter que le bourg ne "
         "devienne une cité-dortoir. Ils rachètent une maison du bourg et la rénovent en chantiers "
         "participatifs, avec des matériaux sains. Le bar ouvre en janvier 2010, avec des concerts, des "
         "projections et des débats."),
        ("heading", "Un commerce devenu service public"),
        ("paragraph",
         "Quand le bureau de poste du village ferme, en juin 2010, la commune choisit de confier le relais "
         "postal à la coopérative. L'épicerie, Le Garde-manger, mêle produits courants, bio et locaux, pour "
         "ne pas réserver le lieu à un seul public. Une microbrasserie s'installe au sous-sol, une auberge à "
         "l'étage, et un restaurant ouvre en février 2019."),
        ("heading", "Une économie ancrée"),
        ("paragraph",
         "Le Champ Commun travaille avec des producteurs et artisans des environs, une radio locale et "
         "plusieurs associations partenaires, et participe à des réseaux de l'économie solidaire. Il a "
         "longtemps fonctionné sans subvention, avant des soutiens publics pour son auberge. Pour "
         "l'exploration, il montre qu'un tiers-lieu rural peut d'abord être un commerce, et que la "
         "coopérative est une manière de faire des services de proximité un bien commun du village."),
    ],
    "timeline": [
        {"start_year": 2010, "start_month": 1, "end_year": None, "kind": "opening",
         "title": "Ouverture du bar",
         "text": "Le bar, autoconstruit par les associés et des habitants, ouvre ses portes dans le bourg."},
        {"start_year": 2010, "start_month": 6, "end_year": None, "kind": "activity",
         "title": "Le relais postal s'installe à la coopérative",
         "text": "Après la fermeture du bureau de poste, la commune confie ce service au Champ Commun."},
        {"start_year": 2019, "start_month": 2, "end_year": None, "kind": "activity",
         "title": "Ouverture du restaurant",
         "text": "Une cantine complète l'épicerie, le bar, la brasserie et l'auberge."},
    ],
    "stakeholders": [
        {"name": "Commune d'Augan", "kind": "public_authority", "scale": "local",
         "relation": "A confié le relais postal à la coopérative en 2010."},
        {"name": "Timbre FM", "kind": "association", "scale": "local",
         "relation": "Radio locale partenaire, qui a diffusé des concerts depuis le lieu."},
        {"name": "Producteurs et artisans locaux", "kind": "company", "scale": "departmental",
         "relation": "Fournisseurs de l'épicerie et du bar."},
        {"name": "Région Bretagne", "kind": "funder", "scale": "regional",
         "relation": "A soutenu le projet d'auberge."},
        {"name": "Département du Morbihan", "kind": "funder", "scale": "departmental",
         "relation": "A soutenu le projet d'auberge."},
        {"name": "Union européenne (FEADER)", "kind": "funder", "scale": "international",
         "relation": "Fonds européen de développement rural mobilisé pour l'auberge."},
    ],
}

LES_USINES = {
    "slug": "les-usines",
    "title": "Les Usines",
    "summary": "À Ligugé, au sud de Poitiers, quatre fondateurs ont racheté en 2011 une ancienne filature "
               "devenue friche pour y rendre possible le travail : ateliers d'artisans, bureaux partagés, "
               "fablab, entreprises et associations s'y installent depuis 2013, dans un site où le "
               "patrimoine industriel et le réemploi guident les travaux.",
    "commune_code": "86133",
    "commune_name": "Ligugé",
    "address": "La Filature, avenue de la Plage, Ligugé",
    "latitude": None,
    "longitude": None,
    "opening_year": 2013,
    "legal_form": "Association (animation du lieu)",
    "governance": "Les fondateurs ont acquis le site par une société civile immobilière ; une association "
                  "anime le lieu, met en relation les résidents et gère les espaces et outils partagés.",
    "surface_m2": None,
    "members_count": None,
    "team_size": None,
    "business_model": "Locations d'ateliers et de bureaux à des tarifs inférieurs à ceux du marché, services "
                      "mutualisés, soutiens publics et privés pour la réhabilitation et les nouveaux "
                      "projets.",
    "website": "",
    "activities": ["Ateliers d'artisans", "Coworking", "Fablab", "Brasserie", "Hébergement d'associations",
                   "Réemploi"],
    "revenue_shares": [],
    "body": [
        ("heading", "Une filature au bord du Clain"),
        ("paragraph",
         "Sur une île du Clain, la filature de Ligugé a été au XIXe siècle l'un des premiers employeurs de "
         "la Vienne : on y travaillait le chanvre, pour le linge, les voiles et la ficelle. Après la guerre, "
         "l'usine se reconvertit dans les emballages en carton, puis ferme dans les années 1970. La friche "
         "devient un lieu de graffiti et de glisse, avant que l'on n'envisage de la raser."),
        ("heading", "Rendre une friche à la production"),
        ("paragraph",
         "En 2011, deux duos porteurs de projets voisins s'associent et rachètent le site. Plutôt que de "
         "tout rénover d'un coup, ils avancent par tranches, en remettant en état ce qui peut l'être et en "
         "réemployant les équipements d'origine. Les premiers espaces ouvrent fin 2013 : bureaux, ateliers, "
         "fablab. Artisans d'art, entreprises du numérique, une ludothèque, un brasseur et une coopérative "
         "de boutiques et de galeries s'y côtoient."),
        ("heading", "Un lieu de travail qui tient compte du territoire"),
        ("paragraph",
         "Le projet revendique un autre rapport au travail : loyers modérés, salles et machines partagées, "
         "compétences échangées entre résidents. Il s'appuie sur des soutiens variés, de l'agglomération de "
         "Grand Poitiers à la Région et aux fonds européens. Pour l'exploration, Les Usines montrent comment "
         "un lieu peut réactiver la mémoire ouvrière d'un territoire tout en y installant de nouvelles "
         "activités, et ce que coûte en temps une réhabilitation menée à la mesure de ses moyens."),
    ],
    "timeline": [
        {"start_year": 2011, "start_month": None, "end_year": None, "kind": "origin",
         "title": "Rachat de l'ancienne filature",
         "text": "Quatre fondateurs s'associent pour acquérir la friche industrielle et lui rendre un "
                 "usage."},
        {"start_year": 2013, "start_month": None, "end_year": None, "kind": "opening",
         "title": "Ouverture des premiers espaces",
         "text": "Bureaux, ateliers et fablab accueillent les premiers résidents à la fin de l'année."},
        {"start_year": 2019, "start_month": 7, "end_year": None, "kind": "funding",
         "title": "Grand Poitiers confirme son soutien",
         "text": "L'agglomération s'engage sur deux ans pour accompagner les nouveaux projets du lieu."},
    ],
    "stakeholders": [
        {"name": "Grand Poitiers", "kind": "public_authority", "scale": "intercommunal",
         "relation": "Soutient le développement des nouveaux projets du lieu."},
        {"name": "Commune de Ligugé", "kind": "public_authority", "scale": "local",
         "relation": "Commune d'implantation, parmi les soutiens du lieu."},
        {"name": "Région Nouvelle-Aquitaine", "kind": "funder", "scale": "regional",
         "relation": "Soutien public au projet."},
        {"name": "Union européenne", "kind": "funder", "scale": "international",
         "relation": "Fonds européens mobilisés pour le projet."},
        {"name": "Artisans, entreprises et associations résidents", "kind": "user_group", "scale": "local",
         "relation": "Louent ateliers et bureaux et partagent salles, machines et compétences."},
    ],
}

L_HERMITAGE = {
    "slug": "l-hermitage",
    "title": "L'Hermitage",
    "summary": "À Autrêches, petit village de l'Oise sans commerce, un collectif a repris un ancien domaine "
               "agricole d'une trentaine d'hectares pour en faire un tiers-lieu rural consacré à "
               "l'agroécologie, à la transition énergétique, au numérique et au vivre-ensemble. Il a été "
               "labellisé « Fabrique de territoire » en 2020.",
    "commune_code": "60032",
    "commune_name": "Autrêches",
    "address": "",
    "latitude": None,
    "longitude": None,
    "opening_year": 2017,
    "legal_form": "SCIC (société coopérative d'intérêt collectif)",
    "governance": "Une coopérative d'intérêt collectif porte le foncier et le projet ; entrepreneurs, "
                  "associations résidentes, bénévoles et habitants participent à la vie du lieu.",
    "surface_m2": None,
    "members_count": None,
    "team_size": None,
    "business_model": "",
    "website": "https://hermitagelelab.com",
    "activities": ["Coworking", "Maraîchage", "Brasserie", "Café", "Formation", "Séminaires",
                   "Hébergement touristique"],
    "revenue_shares": [],
    "body": [
        ("heading", "Un domaine chargé d'histoire"),
        ("paragraph",
         "Sur les hauteurs d'Autrêches, entre Compiègne et Soissons, le domaine de l'Hermitage a traversé le "
         "siècle : colline disputée pendant la Première Guerre mondiale, élevage, maison médicale "
         "administrée par ses propres malades dans les années 1950, puis siège d'une organisation de "
         "solidarité internationale. Quand la propriété est mise en vente, fin 2016, un collectif se forme "
         "pour lui donner un avenir."),
        ("heading", "Un laboratoire rural à ciel ouvert"),
        ("paragraph",
         "Au printemps 2017, le projet est présenté au public et un financement participatif est lancé. Des "
         "ateliers expérimentaux ouvrent la première année. Le lieu accueille aujourd'hui une micro-ferme et "
         "des maraîchers à l'essai, une brasserie pédagogique, des espaces de travail partagés, des "
         "séminaires et des séjours, un café associatif et des formations au numérique pour des publics qui "
         "en sont éloignés."),
        ("heading", "Réparer un territoire en déprise"),
        ("paragraph",
         "Dans un village où le dernier café a fermé et où l'on prend la voiture pour la moindre course, "
         "l'Hermitage veut recréer des lieux de rencontre et des emplois, et relier villes et campagnes. Le "
         "label « Fabrique de territoire », obtenu en 2020 dans le cadre de l'Agenda rural, reconnaît ce "
         "rôle. Le lieu pose à l'exploration la question de l'échelle : comment un très grand domaine, à "
         "rénover pour l'essentiel, peut-il rester accessible aux habitants du village ?"),
    ],
    "timeline": [
        {"start_year": 2016, "start_month": None, "end_year": None, "kind": "origin",
         "title": "Un collectif se forme autour du domaine à vendre",
         "text": "Des proches de l'histoire du lieu et de nouveaux venus veulent lui donner un usage "
                 "d'avenir."},
        {"start_year": 2017, "start_month": 5, "end_year": None, "kind": "funding",
         "title": "Présentation publique et financement participatif",
         "text": "Le projet est présenté à un large public ; une collecte en ligne finance la première "
                 "année."},
        {"start_year": 2018, "start_month": None, "end_year": None, "kind": "building",
         "title": "Acquisition du domaine",
         "text": "Après une première période d'occupation convenue avec l'ancien propriétaire, le collectif "
                 "devient propriétaire du site."},
        {"start_year": 2020, "start_month": None, "end_year": None, "kind": "governance",
         "title": "Labellisé « Fabrique de territoire »",
         "text": "Le lieu fait partie des fabriques reconnues par l'État au titre de l'Agenda rural."},
    ],
    "stakeholders": [
        {"name": "État — programme Fabriques de territoire", "kind": "public_authority", "scale": "national",
         "relation": "A labellisé le lieu en 2020."},
        {"name": "Le Germoir", "kind": "association", "scale": "",
         "relation": "Incubateur de maraîchers bio, en appui du volet agricole."},
        {"name": "Contributeurs du financement participatif", "kind": "user_group", "scale": "national",
         "relation": "Ont financé la première année d'activité en 2017."},
        {"name": "Habitants d'Autrêches", "kind": "neighbour", "scale": "local",
         "relation": "Village sans commerce, premier public du café associatif et des ateliers."},
    ],
}

# -- Mille Lieux: the eight impacts --------------------------------------------------------------------------

IMPACTS_A = [
    {
        "slug": "faire-la-ville-autrement",
        "title": "Faire la ville sans programme figé",
        "kind": "positive",
        "fields": ["transformation-des-territoires", "creation-de-communs"],
        "summary": "Des bâtiments vides retrouvent un usage avant d'avoir un programme : on occupe, on "
                   "teste, on ajuste, et la réhabilitation s'appuie sur ce que les usages ont révélé. Une "
                   "manière de fabriquer la ville plus lente au départ, mais mieux ancrée.",
        "body": [
            ("paragraph",
             "L'aménagement classique fixe d'abord un programme, puis construit. Plusieurs lieux de "
             "l'exploration prennent le chemin inverse : une friche ou un bâtiment public est ouvert avant "
             "d'être défini, des occupants y installent des activités, et ce qui fonctionne oriente les "
             "travaux. Le bâtiment devient un terrain d'essai partagé entre la collectivité, les habitants "
             "et les porteurs de projets."),
            ("paragraph",
             "Cette démarche a des conditions : une présence permanente sur place pour accueillir et "
             "arbitrer, une collectivité qui accepte l'incertitude, des règles d'usage claires pour éviter "
             "que l'occupation temporaire ne devienne une simple attente. Elle a aussi des risques : quand "
             "le quartier se valorise, les usages qui ont ouvert la voie peuvent se trouver à l'étroit."),
            ("quote", "On ne sait pas encore ce que sera le bâtiment, mais on sait ce qu'on veut y faire.",
             "Idée reformulée par l'équipe de la plateforme"),
            ("paragraph",
             "Dans cette démonstration, l'Hôtel Pasteur en donne la version la plus aboutie : une "
             "collectivité qui ouvre son bâtiment avant de le programmer. Darwin et Les Usines montrent la "
             "même logique portée par des acteurs privés, sur des friches que l'on pensait promises à la "
             "démolition. Les Riverains rappellent qu'une installation provisoire qui dure sans perspective "
             "finit par épuiser ceux qui la font vivre."),
        ],
        "evidence": [
            {"place": "hotel-pasteur", "strength": 3, "source": DEMO_SOURCE,
             "text": "L'expérimentation ouverte en 2013, avec une permanence architecturale sur place, a "
                     "directement nourri le programme de réhabilitation confié en 2015.",
             "quote": "Vivre le lieu avant de le dessiner."},
            {"place": "darwin", "strength": 2, "source": DEMO_SOURCE,
             "text": "Une friche militaire menacée de démolition est devenue un lieu d'activités avant que "
                     "l'opération d'aménagement du quartier ne soit achevée.",
             "quote": ""},
            {"place": "les-usines", "strength": 2, "source": DEMO_SOURCE,
             "text": "La réhabilitation avance par tranches, au rythme des usages et des moyens, plutôt que "
                     "selon un plan d'ensemble réalisé d'un seul coup.",
             "quote": ""},
            {"place": "les-riverains", "strength": 1, "source": DEMO_SOURCE,
             "text": "Des locaux de gare inoccupés ont été ranimés à titre provisoire, en attendant un "
                     "bâtiment définitif qui n'est jamais venu.",
             "quote": ""},
        ],
    },
    {
        "slug": "guichets-de-confiance",
        "title": "Des guichets de confiance pour les services au public",
        "kind": "positive",
        "fields": ["transformation-des-territoires", "creation-de-communs"],
        "summary": "Là où les services publics s'éloignent, certains tiers-lieux deviennent des points "
                   "d'accès complémentaires : on y poste un colis, on s'y forme au numérique, on y trouve de "
                   "l'aide. Leur force tient à un accueil sans condition, qui inspire confiance.",
        "body": [
            ("paragraph",
             "Un guichet administratif intimide parfois ; un café où l'on vient déjà boire un verre, "
             "beaucoup moins. Plusieurs lieux étudiés accueillent des services au public sans en avoir "
             "l'apparence : relais postal, ateliers d'initiation au numérique, accompagnement de démarches, "
             "permanences d'organismes sociaux. Les personnes y viennent pour une raison et y restent pour "
             "une autre."),
            ("paragraph",
             "Ce rôle de tiers de confiance ne remplace pas le service public ; il le prolonge, à condition "
             "d'être reconnu et soutenu. Il pose aussi des questions : qui finance cet accueil, qui forme "
             "les personnes qui le tiennent, et que se passe-t-il quand la collectivité s'appuie sur un lieu "
             "qu'elle ne maîtrise pas ?"),
            ("paragraph",
             "La Quincaillerie en est l'exemple le plus net, puisqu'elle est elle-même un service de "
             "l'agglomération. Au Champ Commun, c'est une coopérative qui reçoit une mission de service "
             "public quand le bureau de poste ferme. À l'Hermitage, l'accueil de publics éloignés du "
             "numérique s'invente dans un village qui a perdu ses commerces. Trois statuts différents, une "
             "même fonction de porte d'entrée."),
        ],
        "evidence": [
            {"place": "la-quincaillerie", "strength": 3, "source": DEMO_SOURCE,
             "text": "Service de l'agglomération, le lieu accueille sans condition et reçoit des usagers du "
                     "CCAS, du centre socioculturel et de la mission locale comme des indépendants.",
             "quote": "On entre pour un café, on repart parfois avec un projet."},
            {"place": "le-champ-commun", "strength": 3, "source": DEMO_SOURCE,
             "text": "Après la fermeture du bureau de poste en 2010, la commune a confié le relais postal à "
                     "la coopérative, aux horaires élargis du commerce.",
             "quote": ""},
            {"place": "l-hermitage", "strength": 1, "source": DEMO_SOURCE,
             "text": "Dans un village sans commerce, le lieu propose des formations au numérique à des "
                     "publics qui en sont éloignés.",
             "quote": ""},
        ],
    },
    {
        "slug": "apprendre-entre-pairs",
        "title": "Apprendre entre pairs",
        "kind": "positive",
        "fields": ["rapport-au-travail", "creation-de-communs"],
        "summary": "Fablabs, ateliers et espaces de travail partagés deviennent des lieux d'apprentissage où "
                   "l'on se forme les uns les autres, hors des cursus : un savoir-faire circule de l'usager "
                   "expérimenté au débutant, et la documentation reste accessible à tous.",
        "body": [
            ("paragraph",
             "Dans un fablab, la personne qui sait se servir de la découpeuse laser montre à celle qui "
             "arrive. Dans un coworking, un graphiste dépanne une association sur son site, qui l'aide en "
             "retour à monter un dossier. Ces échanges ne figurent dans aucun catalogue de formation ; ils "
             "forment pourtant une part importante de ce que les usagers disent retirer des lieux."),
            ("paragraph",
             "L'apprentissage entre pairs a besoin d'un minimum d'organisation : des créneaux ouverts, des "
             "machines accessibles, une documentation partagée, une culture du partage inspirée du logiciel "
             "libre. Il touche aussi ses limites : il profite d'abord à ceux qui osent demander, et repose "
             "souvent sur quelques personnes très engagées."),
            ("paragraph",
             "Les fablabs des Riverains et de La Quincaillerie, la gestion partagée de La Coroutine et "
             "l'accueil de maraîchers à l'essai à l'Hermitage relèvent de la même idée : on apprend mieux en "
             "faisant, à côté de quelqu'un qui sait un peu plus. Reste à rendre ces apprentissages visibles, "
             "pour qu'ils soient reconnus par les personnes qui en bénéficient comme par ceux qui financent "
             "les lieux."),
        ],
        "evidence": [
            {"place": "les-riverains", "strength": 3, "source": DEMO_SOURCE,
             "text": "Né d'un fablab où des bricoleurs se sont mis à fabriquer ensemble, le lieu accueillait "
                     "aussi une antenne de médiation scientifique et d'éducation populaire.",
             "quote": "On venait pour fabriquer ; on est resté pour échanger."},
            {"place": "la-coroutine", "strength": 2, "source": DEMO_SOURCE,
             "text": "Tâches partagées, wiki commun et pratiques issues du logiciel libre font de la gestion "
                     "du lieu elle-même un apprentissage collectif.",
             "quote": ""},
            {"place": "la-quincaillerie", "strength": 2, "source": DEMO_SOURCE,
             "text": "Le fablab et les ateliers d'initiation au numérique réunissent des jeunes et des "
                     "seniors autour des mêmes machines.",
             "quote": ""},
            {"place": "l-hermitage", "strength": 2, "source": DEMO_SOURCE,
             "text": "Des maraîchers à l'essai se forment sur place aux pratiques agroécologiques, "
                     "accompagnés par un incubateur spécialisé.",
             "quote": ""},
        ],
    },
    {
        "slug": "filieres-locales",
        "title": "Soutenir des filières économiques locales",
        "kind": "positive",
        "fields": ["transformation-des-territoires", "rapport-au-travail"],
        "summary": "En réunissant artisans, producteurs et petites entreprises, certains lieux deviennent "
                   "des débouchés et des points d'appui pour l'économie locale : circuits courts, ateliers "
                   "partagés, incubation d'activités qui n'auraient pas trouvé de place ailleurs.",
        "body": [
            ("paragraph",
             "Une épicerie qui vend les fromages de la ferme voisine, une friche où un brasseur trouve un "
             "atelier abordable, un site où des entreprises d'un même secteur se retrouvent : les "
             "tiers-lieux peuvent soutenir des filières locales de manière très concrète. Ils abaissent le "
             "coût d'entrée, mutualisent des outils et créent des occasions de coopérer entre acteurs qui se "
             "seraient ignorés."),
            ("paragraph",
             "L'effet reste à proportion de leur taille : un lieu ne structure pas à lui seul une filière. "
             "Il gagne en portée quand il s'insère dans des réseaux plus larges (coopératives, réseaux de "
             "l'économie solidaire, politiques de développement économique) qui prennent le relais."),
            ("paragraph",
             "L'épicerie du Champ Commun montre l'effet le plus direct, en ouvrant un débouché régulier aux "
             "producteurs des environs. Les Usines offrent à des artisans et à de petites entreprises des "
             "locaux qu'ils ne trouveraient pas ailleurs à ce prix. Darwin rassemble des entreprises d'un "
             "même esprit sur un site commun. Dans les trois cas, le lieu sert de point d'appui plutôt que "
             "de moteur unique."),
        ],
        "evidence": [
            {"place": "le-champ-commun", "strength": 3, "source": DEMO_SOURCE,
             "text": "L'épicerie fait une large place aux producteurs et artisans des environs, et la "
                     "microbrasserie fabrique sur place.",
             "quote": "Que ce qui se dépense au village fasse vivre le village."},
            {"place": "les-usines", "strength": 2, "source": DEMO_SOURCE,
             "text": "Artisans, brasseur, entreprises du numérique et boutiques trouvent des locaux à loyer "
                     "modéré et des services partagés dans l'ancienne filature.",
             "quote": ""},
            {"place": "darwin", "strength": 2, "source": DEMO_SOURCE,
             "text": "Le site réunit des entreprises de l'économie verte et créative, une épicerie et un "
                     "restaurant bio, et une ferme urbaine.",
             "quote": ""},
        ],
    },
]

IMPACTS_B = [
    {
        "slug": "decloisonner",
        "title": "Décloisonner les mondes et les organisations",
        "kind": "positive",
        "fields": ["rapport-au-travail", "creation-de-communs"],
        "summary": "Des personnes et des structures qui ne se rencontrent jamais se retrouvent à la même "
                   "table : élus et associations, salariés et indépendants, marchand et non marchand. Les "
                   "tiers-lieux bousculent les silos, jusque dans les collectivités qui les soutiennent.",
        "body": [
            ("paragraph",
             "Un tiers-lieu mélange volontairement des publics et des statuts : un demandeur d'emploi "
             "partage la cuisine avec une cheffe d'entreprise, un agent de la collectivité vient travailler "
             "entre deux réunions, une association et une start-up découvrent qu'elles ont un client commun. "
             "Ces rencontres ne se décrètent pas ; elles naissent d'espaces partagés et d'une animation "
             "attentive."),
            ("paragraph",
             "Le décloisonnement touche aussi les organisations. Une collectivité qui porte ou accompagne un "
             "tiers-lieu doit faire travailler ensemble des services habituellement séparés (culture, "
             "numérique, économie, action sociale) et accepter des partenaires qui ne rentrent dans aucune "
             "case. L'effet est réel mais fragile : il dépend souvent de quelques personnes-passerelles."),
            ("paragraph",
             "À La Coroutine, le mélange est une règle de fonctionnement : aucun statut n'y est privilégié. "
             "À La Quincaillerie, il tient à l'histoire du lieu, né d'une coopération entre habitants et "
             "agglomération. L'Hôtel Pasteur fait cohabiter dans un même bâtiment une école publique et des "
             "projets de la société civile. Chaque fois, c'est l'espace partagé qui rend la rencontre "
             "possible, plus que les discours."),
        ],
        "evidence": [
            {"place": "la-coroutine", "strength": 3, "source": DEMO_SOURCE,
             "text": "Le lieu assume de mêler activités lucratives et non lucratives, et des profils très "
                     "divers : indépendants, artistes, étudiants, personnes sans emploi.",
             "quote": "Ici, personne n'est client : chacun fait tourner le lieu."},
            {"place": "la-quincaillerie", "strength": 2, "source": DEMO_SOURCE,
             "text": "Le projet est né d'une coopération entre habitants, associations, élus et techniciens "
                     "de l'agglomération, qui s'y croisent encore au quotidien.",
             "quote": ""},
            {"place": "hotel-pasteur", "strength": 2, "source": DEMO_SOURCE,
             "text": "Une école maternelle, un espace numérique éducatif et des projets de la société civile "
                     "partagent le même bâtiment public.",
             "quote": ""},
            {"place": "darwin", "strength": 1, "source": DEMO_SOURCE,
             "text": "Entreprises et associations cohabitent sur un même site, avec des espaces et des "
                     "événements communs.",
             "quote": ""},
        ],
    },
    {
        "slug": "fierte-et-rayonnement",
        "title": "Fierté des habitants et rayonnement du territoire",
        "kind": "positive",
        "fields": ["transformation-des-territoires"],
        "summary": "Un bâtiment emblématique sauvé, un centre-ville ranimé, un village qui retrouve son "
                   "café : les tiers-lieux changent le regard que les habitants portent sur leur territoire, "
                   "et celui qu'on porte sur lui de l'extérieur.",
        "body": [
            ("paragraph",
             "Beaucoup de tiers-lieux s'installent dans des lieux chargés de mémoire : une faculté, une "
             "filature, une caserne, une quincaillerie où des générations sont passées. Leur réouverture "
             "touche une corde sensible. Les habitants y retrouvent une part de leur histoire, et le "
             "territoire gagne une image nouvelle, parfois relayée bien au-delà de ses frontières."),
            ("paragraph",
             "Cette fierté est un effet difficile à mesurer mais souvent cité. Elle a son revers : un lieu "
             "devenu vitrine peut attirer surtout des visiteurs et des nouveaux venus, au risque que les "
             "habitants de longue date ne s'y reconnaissent plus. L'exploration s'intéresse donc autant à "
             "l'image produite qu'à ceux qui s'approprient réellement le lieu."),
            ("paragraph",
             "La filature des Usines, la faculté de l'Hôtel Pasteur et la caserne de Darwin sont des "
             "bâtiments que les habitants connaissaient, parfois de l'intérieur. La Quincaillerie a gardé le "
             "nom du commerce qui l'a accueillie. Dans chacun de ces cas, la continuité avec le passé du "
             "lieu compte autant que les activités nouvelles pour que le territoire s'y reconnaisse."),
        ],
        "evidence": [
            {"place": "les-usines", "strength": 2, "source": DEMO_SOURCE,
             "text": "La filature, longtemps l'un des grands employeurs du département, retrouve une "
                     "activité qui renoue avec son passé industriel.",
             "quote": ""},
            {"place": "hotel-pasteur", "strength": 2, "source": DEMO_SOURCE,
             "text": "Un édifice du XIXe siècle au cœur de Rennes, longtemps fermé au public, est devenu un "
                     "lieu ouvert et reconnu dans la ville.",
             "quote": ""},
            {"place": "la-quincaillerie", "strength": 2, "source": DEMO_SOURCE,
             "text": "Installé d'abord dans un commerce fermé d'un centre-ville déserté, le lieu a redonné "
                     "une adresse de rencontre aux Guérétois.",
             "quote": ""},
            {"place": "darwin", "strength": 2, "source": DEMO_SOURCE,
             "text": "L'ancienne caserne de la rive droite est devenue l'une des adresses les plus "
                     "fréquentées de Bordeaux.",
             "quote": ""},
        ],
    },
    {
        "slug": "transition-ecologique-timide",
        "title": "Une transition écologique encore timide",
        "kind": "limit",
        "fields": ["transition-ecologique"],
        "summary": "Réemploi, circuits courts, rénovation sobre : les intentions écologiques sont présentes "
                   "dans presque tous les lieux, mais leurs effets sur le territoire restent modestes, en "
                   "particulier sur les déplacements et l'énergie.",
        "body": [
            ("paragraph",
             "Les tiers-lieux affichent volontiers des valeurs écologiques, et beaucoup les mettent en "
             "pratique : mobilier de réemploi, matériaux biosourcés, paniers de producteurs, ateliers de "
             "réparation. Ces gestes comptent, mais ils changent peu les grands postes d'impact d'un "
             "territoire. La question des déplacements, en particulier, reste largement ouverte : un lieu "
             "rural ou périurbain se rejoint souvent en voiture, et un lieu très fréquenté attire des flux."),
            ("paragraph",
             "Ce constat n'est pas un reproche : il invite à distinguer l'exemplarité d'un lieu de son effet "
             "d'entraînement sur le territoire. Les lieux qui vont le plus loin sont ceux qui s'associent à "
             "d'autres acteurs (agriculteurs, collectivités, réseaux) pour agir à une échelle qui dépasse "
             "leurs murs."),
            ("paragraph",
             "Les observations de cette démonstration vont dans le même sens : Darwin affiche une stratégie "
             "de sobriété mais attire un large public, l'Hermitage porte une ambition énergétique forte dans "
             "un village dépendant de la voiture, Les Usines réemploient l'existant sur un site encore "
             "largement à rénover, La Coroutine change des habitudes à l'échelle de ses membres. L'intention "
             "est partout ; l'effet territorial reste à construire."),
        ],
        "evidence": [
            {"place": "darwin", "strength": 2, "source": DEMO_SOURCE,
             "text": "Le site revendique une stratégie de sobriété et de réemploi, mais son succès de "
                     "fréquentation pose la question des flux qu'il génère.",
             "quote": ""},
            {"place": "l-hermitage", "strength": 2, "source": DEMO_SOURCE,
             "text": "Le projet place la transition énergétique au cœur de ses ambitions, dans un village où "
                     "presque tous les déplacements se font en voiture.",
             "quote": ""},
            {"place": "la-coroutine", "strength": 1, "source": DEMO_SOURCE,
             "text": "Les commandes groupées de légumes bio changent les habitudes des usagers, sans "
                     "prétendre agir au-delà de la communauté du lieu.",
             "quote": ""},
            {"place": "les-usines", "strength": 1, "source": DEMO_SOURCE,
             "text": "Le réemploi des équipements d'origine guide la réhabilitation, mais l'essentiel du "
                     "site reste à rénover.",
             "quote": ""},
        ],
    },
    {
        "slug": "modeles-fragiles",
        "title": "Des modèles économiques fragiles",
        "kind": "limit",
        "fields": ["rapport-au-travail", "creation-de-communs", "transformation-des-territoires"],
        "summary": "Entre loyers modérés, accueil gratuit et activités non marchandes, les tiers-lieux "
                   "équilibrent difficilement leurs comptes. Beaucoup dépendent de subventions, de locaux "
                   "prêtés ou de l'engagement bénévole, et peuvent disparaître quand l'un de ces appuis "
                   "cède.",
        "body": [
            ("paragraph",
             "Ce qui fait la valeur d'un tiers-lieu pour son territoire est souvent ce qui rapporte le "
             "moins : l'accueil sans condition, la médiation, l'animation de la communauté, les tarifs "
             "accessibles. Ces fonctions sont financées par des subventions, par des collectivités qui "
             "portent le lieu, ou par le temps donné des membres. Chacune de ces ressources a sa fragilité : "
             "un changement de majorité, un appel à projets qui s'achève, l'épuisement des bénévoles."),
            ("paragraph",
             "L'occupation temporaire ajoute une incertitude : un lieu installé dans des murs prêtés ou en "
             "attente d'aménagement peut devoir partir au moment où il trouvait son public. Reconnaître la "
             "part d'intérêt général de ces lieux, et la financer dans la durée, est l'une des questions que "
             "l'exploration adresse aux pouvoirs publics."),
            ("paragraph",
             "Les Riverains en sont l'illustration la plus directe, avec une dissolution annoncée après "
             "quelques années d'activité. La Quincaillerie montre l'autre face de la dépendance : la "
             "stabilité d'un portage public, au prix d'une exposition aux choix politiques. Darwin et La "
             "Coroutine, très différents, reposent l'un sur des occupations temporaires, l'autre sur le "
             "bénévolat de ses membres."),
        ],
        "evidence": [
            {"place": "les-riverains", "strength": 3, "source": DEMO_SOURCE,
             "text": "Travaux en gare, report du déménagement, baisse des subventions et confinements ont "
                     "conduit l'association à annoncer sa dissolution en 2021.",
             "quote": "L'énergie de la communauté ne suffit pas sans murs ni soutien durables."},
            {"place": "la-quincaillerie", "strength": 2, "source": DEMO_SOURCE,
             "text": "Service de l'agglomération, le lieu dépend des orientations politiques de la "
                     "collectivité, d'où une réflexion sur un passage en coopérative.",
             "quote": ""},
            {"place": "darwin", "strength": 1, "source": DEMO_SOURCE,
             "text": "Une partie des activités occupe des terrains voisins sous autorisations temporaires, "
                     "dans un quartier en cours d'aménagement.",
             "quote": ""},
            {"place": "la-coroutine", "strength": 1, "source": DEMO_SOURCE,
             "text": "Financé par ses usagers et longtemps sans subvention, le lieu repose sur les tâches "
                     "que ses membres prennent en charge bénévolement.",
             "quote": ""},
        ],
    },
]

MILLE_LIEUX_IMPACTS = IMPACTS_A + IMPACTS_B

# -- Mille Lieux: the interview series -----------------------------------------------------------------------

ARTICLES_A = [
    {
        "slug": "entretien-la-quincaillerie",
        "title": "Un service public qui ressemble à un café",
        "kind": "interview",
        "series_number": 1,
        "date": ARTICLES_DATE,
        "summary": "Comment une semaine festive dans une boutique vide est devenue un tiers-lieu porté par "
                   "une agglomération rurale, et ce que change le fait d'être un service public. Échange "
                   "reconstitué à partir d'informations publiques.",
        "pull_quote": "Être un service public nous donne des murs et une mission ; cela nous rend aussi "
                      "dépendants des choix des élus.",
        "interviewees": [
            {"name": "L'équipe de La Quincaillerie", "role": "Équipe de coordination",
             "organisation": "La Quincaillerie"},
        ],
        "body": [
            ("paragraph", DEMO_NOTICE),
            ("heading", "Comment l'histoire a-t-elle commencé ?"),
            ("paragraph",
             "Par une fête. En 2012, une radio associative voulait célébrer ses cinq ans en plein centre de "
             "Guéret, à un moment où les vitrines fermaient les unes après les autres. Une boutique vide a "
             "été ouverte pendant quelques jours, meublée grâce à une ressourcerie, avec du wifi, du café et "
             "des émissions en direct. Des jeunes, des associations, des agents des collectivités sont "
             "passés. Ce lieu de rencontre manquait à la ville, et tout le monde l'a vu."),
            ("heading", "Pourquoi l'agglomération s'est-elle engagée ?"),
            ("paragraph",
             "Parce que l'adhésion des habitants était visible. L'agglomération a loué une ancienne "
             "quincaillerie du centre-ville et l'a ouverte en 2015 comme un service à part entière, consacré "
             "d'abord à la médiation numérique. Très vite, le lieu a accueilli bien plus : un fablab, un "
             "coworking, des médias associatifs, un café, des associations qui y ont leur siège."),
            ("heading", "Qu'est-ce qu'un accueil « inconditionnel » change ?"),
            ("paragraph",
             "Tout. Personne n'a besoin d'un motif pour entrer. Quelqu'un vient pour se connecter, découvre "
             "qu'on peut apprendre à se servir d'une imprimante 3D, rencontre une association, revient pour "
             "aider. Les usagers du CCAS ou de la mission locale côtoient des indépendants et des "
             "étudiants ; c'est ce mélange qui fait la valeur du lieu."),
            ("heading", "Et les limites ?"),
            ("paragraph",
             "Être porté par une collectivité donne une stabilité que beaucoup de lieux associatifs envient. "
             "Mais la pérennité dépend alors des orientations politiques. C'est pourquoi une réflexion a été "
             "ouverte sur une gouvernance coopérative, qui donnerait plus de place aux usagers et "
             "protégerait le lieu comme un bien commun du territoire."),
        ],
        "places": ["la-quincaillerie"],
        "impacts": ["guichets-de-confiance", "modeles-fragiles", "apprendre-entre-pairs"],
    },
    {
        "slug": "entretien-hotel-pasteur",
        "title": "Habiter un bâtiment avant de le programmer",
        "kind": "interview",
        "series_number": 2,
        "date": ARTICLES_DATE,
        "summary": "À Rennes, une ancienne faculté a été ouverte aux usages avant même que son avenir soit "
                   "décidé. Retour sur une méthode d'urbanisme fondée sur l'expérimentation et la présence. "
                   "Échange reconstitué à partir d'informations publiques.",
        "pull_quote": "Le bâtiment a écrit son propre cahier des charges : ce sont les usages qui ont dit ce "
                      "qu'il devait devenir.",
        "interviewees": [
            {"name": "L'équipe de l'Hôtel Pasteur", "role": "Équipe d'accueil et de coordination",
             "organisation": "Hôtel Pasteur"},
        ],
        "body": [
            ("paragraph", DEMO_NOTICE),
            ("heading", "Qu'est-ce qu'un « hôtel à projets » ?"),
            ("paragraph",
             "Un lieu où l'on séjourne pour un temps : quelques heures pour une répétition, quelques mois "
             "pour lancer une activité. Les hôtes ne louent pas un bureau ; ils s'engagent à partager le "
             "lieu et à l'ouvrir. Associations, artistes, collectifs de réemploi ou d'architecture s'y "
             "succèdent, et chacun laisse quelque chose aux suivants."),
            ("heading", "Pourquoi ne pas avoir fixé un programme dès le départ ?"),
            ("paragraph",
             "Parce que personne ne savait vraiment ce dont la ville avait besoin dans ce bâtiment. En 2013, "
             "la Ville de Rennes a choisi de l'ouvrir à une expérimentation, avec l'Université foraine et "
             "une permanence d'architecte sur place. Pendant plusieurs années, les usages ont servi d'étude "
             "de programmation grandeur nature."),
            ("heading", "Qu'est-ce que cette méthode a produit ?"),
            ("paragraph",
             "Un programme hybride. La réhabilitation a intégré une école maternelle et un espace numérique "
             "éducatif, mais aussi des espaces ouverts aux projets de la société civile. Le chantier "
             "lui-même a été accompagné d'une permanence, pour garder le lien avec les hôtes pendant les "
             "travaux."),
            ("heading", "Le plus difficile ?"),
            ("paragraph",
             "Garder l'ouverture une fois le bâtiment rénové. Un lieu neuf appelle des règles, des horaires, "
             "des assurances ; l'enjeu est que ces règles protègent l'esprit d'hospitalité au lieu de "
             "l'étouffer. C'est aussi une question pour toutes les collectivités tentées par l'urbanisme "
             "transitoire : que reste-t-il de l'expérimentation une fois qu'elle a réussi ?"),
        ],
        "places": ["hotel-pasteur"],
        "impacts": ["faire-la-ville-autrement", "decloisonner", "fierte-et-rayonnement"],
    },
    {
        "slug": "entretien-les-riverains",
        "title": "Ce que la fin d'un tiers-lieu nous apprend",
        "kind": "interview",
        "series_number": 3,
        "date": ARTICLES_DATE,
        "summary": "À Auxerre, Les Riverains ont réuni un fablab, un coworking, un atelier de réemploi et un "
                   "jardin dans des locaux de la gare, avant d'annoncer leur dissolution. Un regard sur les "
                   "conditions de survie des lieux. Échange reconstitué à partir d'informations publiques.",
        "pull_quote": "Une communauté peut porter un lieu très loin ; elle ne peut pas tout porter seule, "
                      "surtout sans murs durables.",
        "interviewees": [
            {"name": "L'équipe des Riverains", "role": "Équipe de l'association gestionnaire",
             "organisation": "Les Riverains"},
        ],
        "body": [
            ("paragraph", DEMO_NOTICE),
            ("heading", "D'où venait le projet ?"),
            ("paragraph",
             "D'un fablab associatif. Des bricoleurs qui travaillaient chacun dans leur garage se sont "
             "retrouvés pour fabriquer ensemble, puis pour discuter et travailler : un coworking est né sans "
             "qu'on l'ait prévu. L'agglomération cherchait au même moment à soutenir l'innovation sur son "
             "territoire ; le projet de tiers-lieu est venu de cette rencontre."),
            ("heading", "Que trouvait-on aux Riverains ?"),
            ("paragraph",
             "Des « briques » réunies sous un même toit : un espace de travail partagé, le fablab et un "
             "espace pour les professionnels, une matériauthèque pour le réemploi, un atelier de "
             "sérigraphie, la médiation scientifique des Petits Débrouillards, un jardin partagé au bord des "
             "voies. Le lieu était ouvert à tous, des curieux aux entreprises qui voulaient prototyper."),
            ("heading", "Pourquoi avoir décidé d'arrêter ?"),
            ("paragraph",
             "Plusieurs difficultés se sont additionnées : des locaux provisoires devenus trop étroits, un "
             "déménagement repoussé, des travaux annoncés dans la gare, une baisse des subventions et les "
             "pertes d'activité liées aux confinements. L'association a préféré une dissolution ordonnée, en "
             "terminant ses actions et en transmettant certaines compétences au réseau départemental."),
            ("heading", "Quelle leçon pour les collectivités ?"),
            ("paragraph",
             "Qu'un tiers-lieu a besoin de temps et de stabilité : des murs sur lesquels compter, un soutien "
             "qui ne s'arrête pas au lancement, une reconnaissance de ce qu'il apporte et qui ne se mesure "
             "pas en recettes. L'histoire des Riverains ne dit pas que le modèle échoue ; elle dit à quelles "
             "conditions il tient."),
        ],
        "places": ["les-riverains"],
        "impacts": ["modeles-fragiles", "apprendre-entre-pairs", "faire-la-ville-autrement"],
    },
]

ARTICLES_B = [
    {
        "slug": "entretien-la-coroutine",
        "title": "Un coworking géré par ceux qui l'utilisent",
        "kind": "interview",
        "series_number": 4,
        "date": ARTICLES_DATE,
        "summary": "À Lille, La Coroutine fonctionne depuis 2010 sans gestionnaire ni client : ses membres "
                   "financent le lieu et se partagent les tâches, en s'inspirant des communautés du logiciel "
                   "libre. Échange reconstitué à partir d'informations publiques.",
        "pull_quote": "Un lieu de travail peut se gérer comme un logiciel libre : on documente, on partage, "
                      "on améliore un peu chaque jour.",
        "interviewees": [
            {"name": "Les membres de La Coroutine", "role": "Collectif d'usagers",
             "organisation": "La Coroutine"},
        ],
        "body": [
            ("paragraph", DEMO_NOTICE),
            ("heading", "Pourquoi créer un coworking associatif ?"),
            ("paragraph",
             "Au départ, quelques amis cherchaient simplement un endroit pour travailler ensemble, sans "
             "payer le prix d'un bureau ni rester seuls chez eux. Après un premier essai de courte durée "
             "dans un grand plateau vide, ils ont loué un appartement, puis un local plus grand dans la même "
             "rue. Le statut associatif s'est imposé : le lieu appartient à ceux qui le font vivre."),
            ("heading", "Comment fonctionne un lieu sans gestionnaire ?"),
            ("paragraph",
             "Comme un projet de logiciel libre. Les règles, les procédures et les astuces sont écrites dans "
             "un wiki ; les tâches pratiques sont réparties entre volontaires ; ce qui ne marche pas est "
             "corrigé au fil de l'eau. Chacun est à la fois usager et responsable du lieu. Cela demande de "
             "l'attention, mais cela donne une grande liberté."),
            ("heading", "Qui vient travailler à La Coroutine ?"),
            ("paragraph",
             "Des profils volontairement mélangés : indépendants, salariés en télétravail, artistes, "
             "étudiants, personnes en recherche d'emploi, associations. Le lieu assume de faire cohabiter "
             "des activités marchandes et non marchandes. À certaines heures, la cuisine s'ouvre à ceux qui "
             "n'ont pas de bureau et ont besoin d'une connexion."),
            ("heading", "Et au-delà du travail ?"),
            ("paragraph",
             "On cuisine ensemble, on commande des légumes à un agriculteur de la région, on partage une "
             "imprimante 3D, on dépanne un nouvel arrivant qui cherche un logement. Tout repose sur "
             "l'engagement des membres : c'est la force du modèle, et sa fragilité quand l'énergie baisse."),
        ],
        "places": ["la-coroutine"],
        "impacts": ["decloisonner", "apprendre-entre-pairs", "modeles-fragiles"],
    },
    {
        "slug": "entretien-le-champ-commun",
        "title": "Le café, parlement du village",
        "kind": "interview",
        "series_number": 5,
        "date": ARTICLES_DATE,
        "summary": "À Augan, une coopérative a rouvert un bar, une épicerie et un relais postal, puis une "
                   "brasserie, une auberge et un restaurant. Comment un commerce de village devient un "
                   "tiers-lieu. Échange reconstitué à partir d'informations publiques.",
        "pull_quote": "Quand les commerces ferment, un village peut décider de les rouvrir lui-même, "
                      "ensemble.",
        "interviewees": [
            {"name": "L'équipe du Champ Commun", "role": "Associés et salariés de la coopérative",
             "organisation": "Le Champ Commun"},
        ],
        "body": [
            ("paragraph", DEMO_NOTICE),
            ("heading", "Pourquoi un bar pour commencer ?"),
            ("paragraph",
             "Parce que le café est l'endroit où un village se parle. L'idée du groupe fondateur était de "
             "permettre de vivre, travailler et faire ses courses sur place, plutôt que de tout chercher "
             "dans les zones commerciales accessibles en voiture. Le bar a ouvert en janvier 2010, construit "
             "en bonne partie par les associés et des habitants, et il accueille concerts, projections et "
             "débats."),
            ("heading", "Comment la coopérative est-elle devenue un service public ?"),
            ("paragraph",
             "Quand le bureau de poste a fermé, la même année, la commune a choisi de confier le relais "
             "postal à la coopérative plutôt que d'ouvrir une agence communale, et le service a gagné des "
             "horaires plus souples. L'épicerie a suivi, avec des produits courants, bio et locaux, pour que "
             "personne ne se sente exclu du lieu."),
            ("heading", "Qu'apporte le statut de SCIC ?"),
            ("paragraph",
             "Il permet d'associer au capital et aux décisions des personnes aux intérêts différents : ceux "
             "qui travaillent dans le lieu, ceux qui le fréquentent, ceux qui le soutiennent. La rentabilité "
             "devient un enjeu commun, discuté ensemble, et non l'affaire d'un seul propriétaire."),
            ("heading", "Et la suite ?"),
            ("paragraph",
             "Une microbrasserie, une auberge pour les marcheurs et les groupes, un restaurant ouvert en "
             "2019. Chaque activité nouvelle répond à un besoin du territoire et complète les autres. Le "
             "lieu a aussi accompagné les habitants d'une commune voisine qui voulaient ouvrir leur propre "
             "café associatif."),
        ],
        "places": ["le-champ-commun"],
        "impacts": ["guichets-de-confiance", "filieres-locales", "fierte-et-rayonnement"],
    },
    {
        "slug": "entretien-les-usines",
        "title": "Rendre une friche au travail",
        "kind": "interview",
        "series_number": 6,
        "date": ARTICLES_DATE,
        "summary": "À Ligugé, une ancienne filature abandonnée accueille depuis 2013 artisans, entreprises "
                   "et associations. Réhabiliter par étapes, réemployer l'existant, partager les outils : "
                   "retour sur un chantier au long cours. Échange reconstitué à partir d'informations "
                   "publiques.",
        "pull_quote": "Rénover une partie quand une activité l'attend : la lenteur est notre manière "
                      "d'éviter les murs vides.",
        "interviewees": [
            {"name": "L'équipe des Usines", "role": "Équipe de l'association d'animation",
             "organisation": "Les Usines"},
        ],
        "body": [
            ("paragraph", DEMO_NOTICE),
            ("heading", "Qu'était ce site avant vous ?"),
            ("paragraph",
             "Une filature de chanvre installée sur une île du Clain, qui a compté parmi les plus gros "
             "employeurs de la Vienne, puis une fabrique d'emballages en carton, fermée dans les années "
             "1970. Ensuite, des décennies de friche : des graffeurs, des skateurs, la végétation, et la "
             "menace d'une démolition."),
            ("heading", "Pourquoi racheter une ruine industrielle ?"),
            ("paragraph",
             "Pour lui rendre sa fonction première : être un lieu de production. En 2011, deux duos qui "
             "portaient des projets voisins se sont associés pour acquérir le site. L'idée n'était pas de "
             "créer une zone d'activités de plus, mais un endroit où des métiers différents partagent des "
             "outils, des compétences et une qualité de vie au travail."),
            ("heading", "Comment réhabiliter un site aussi vaste ?"),
            ("paragraph",
             "Par tranches. Les premiers espaces ont ouvert fin 2013, et chaque nouvelle partie est remise "
             "en état quand des activités l'attendent et que des financements le permettent. On répare "
             "plutôt qu'on ne remplace, on réemploie les équipements d'origine. C'est plus lent, mais cela "
             "évite de s'endetter pour des surfaces vides."),
            ("heading", "Qu'est-ce que le lieu apporte au territoire ?"),
            ("paragraph",
             "Des locaux abordables pour des artisans et des petites entreprises, des salles et des machines "
             "partagées, et une histoire ouvrière qui retrouve une suite. L'agglomération, la Région et des "
             "fonds européens ont accompagné cette renaissance ; elle reste un chantier ouvert."),
        ],
        "places": ["les-usines"],
        "impacts": ["filieres-locales", "fierte-et-rayonnement", "faire-la-ville-autrement",
                    "transition-ecologique-timide"],
    },
]

MILLE_LIEUX_ARTICLES = ARTICLES_A + ARTICLES_B

# -- Mille Lieux: the closing evening ------------------------------------------------------------------------

CLOSING_EVENING_CHOSEN = {"guichets-de-confiance", "transition-ecologique-timide"}

CLOSING_EVENING = {
    "slug": "soiree-de-cloture",
    "title": "Soirée de clôture de l'exploration",
    "date": "2019-04-17",
    "venue": "",
    "commune_code": "",
    "participants_count": 200,
    "summary": "L'exploration s'est achevée par une soirée de restitution, au moment de la présentation "
               "publique de l'étude en avril 2019. Environ 200 participants y ont choisi, parmi les huit "
               "impacts, les deux à mettre en débat. Dans cette démonstration, le lieu de la soirée et le "
               "décompte des voix ne sont pas renseignés, et les deux impacts marqués comme retenus sont "
               "donnés à titre d'exemple, sans reproduire le résultat réel.",
    "vote_question": "Parmi les huit impacts observés, lesquels voulez-vous mettre en débat ce soir ?",
    "vote_options": [
        {"impact": impact["slug"], "votes": None, "chosen": impact["slug"] in CLOSING_EVENING_CHOSEN}
        for impact in MILLE_LIEUX_IMPACTS
    ],
    "restitution": [
        ("paragraph",
         "<i>Restitution de démonstration, rédigée par l'équipe de la plateforme : elle décrit le principe "
         "de la soirée et les questions que posent les impacts retenus ici pour l'exemple, sans rapporter de "
         "propos tenus ce soir-là.</i>"),
        ("heading", "Le principe : laisser la salle choisir"),
        ("paragraph",
         "Plutôt que de présenter les huit impacts l'un après l'autre, l'équipe a proposé aux participants "
         "de choisir ceux qui méritaient un débat. Le vote a fait de la restitution une conversation : la "
         "salle réunissait des porteurs de projets, des agents et des élus de collectivités, des chercheurs "
         "et des curieux, chacun avec ses propres attentes envers les tiers-lieux."),
        ("heading", "Premier débat : les tiers-lieux et le service au public"),
        ("paragraph",
         "Un tiers-lieu qui accueille un relais postal ou des ateliers numériques rend-il un service public, "
         "ou un service au public ? La nuance compte : elle dit qui décide, qui finance et qui rend des "
         "comptes. Les exemples de La Quincaillerie, portée par une agglomération, et du Champ Commun, "
         "coopérative à qui une commune a confié un service, montrent deux réponses très différentes."),
        ("heading", "Second débat : une transition écologique encore timide"),
        ("paragraph",
         "Pourquoi des lieux si attachés à l'écologie changent-ils si peu les pratiques de leur territoire ? "
         "Le débat porte sur l'échelle : l'exemplarité d'un lieu ne suffit pas, et les effets les plus "
         "importants, sur les déplacements ou l'alimentation, supposent des alliances avec d'autres "
         "acteurs."),
        ("heading", "Et ensuite"),
        ("paragraph",
         "Les impacts non retenus restent ouverts à la discussion : chacun peut les explorer depuis les "
         "monographies, et le tableau croisé des lieux et des impacts montre où chacun s'observe."),
    ],
}

# -- The two explorations ------------------------------------------------------------------------------------

MILLE_LIEUX = {
    "slug": "mille-lieux",
    "title": "Mille Lieux",
    "subtitle": "Les tiers-lieux et leurs impacts sur les territoires",
    "organisation": "Le Lab Ouishare x Chronos",
    "period_start": 2019,
    "period_end": None,
    "summary": "Que changent les tiers-lieux pour les territoires qui les accueillent ? L'exploration Mille "
               "Lieux les regarde au-delà du chiffre d'affaires et des emplois, à travers quatre champs : la "
               "transformation des territoires, le rapport au travail, la création de communs et la "
               "transition écologique. Huit monographies et huit impacts, positifs ou limites, se répondent. "
               "Contenu de démonstration rédigé à partir de faits publics.",
    "foreword": MILLE_LIEUX_FOREWORD,
    "method": MILLE_LIEUX_METHOD,
    "fields": MILLE_LIEUX_FIELDS,
    "partners": MILLE_LIEUX_PARTNERS,
    "places_intro": "Huit monographies pour lire chaque lieu dans son territoire : fiche technique, carte, "
                    "frise chronologique et parties prenantes. Ce qui n'est pas connu publiquement reste « "
                    "non renseigné ».",
    "impacts_intro": "Huit effets observés autour des lieux, six positifs et deux limites, chacun relié aux "
                     "terrains où il s'observe.",
    "articles_intro": "La série d'entretiens de l'exploration : des textes de démonstration, reconstitués et "
                      "reformulés à partir d'informations publiques, qui parlent au nom d'équipes.",
    "places": [HOTEL_PASTEUR, LA_QUINCAILLERIE, LES_RIVERAINS, LA_COROUTINE, DARWIN, LE_CHAMP_COMMUN,
               LES_USINES, L_HERMITAGE],
    "impacts": MILLE_LIEUX_IMPACTS,
    "series": {"title": "Entretiens Mille Lieux", "planned_count": 8},
    "articles": MILLE_LIEUX_ARTICLES,
    "events": [CLOSING_EVENING],
}

SHARITORIES = {
    "slug": "sharitories",
    "title": "Sharitories",
    "subtitle": "Partage et coopération dans les villes moyennes",
    "organisation": "Ouishare et Chronos",
    "period_start": 2017,
    "period_end": None,
    "summary": "Avant Mille Lieux, l'exploration Sharitories s'est intéressée en 2017 aux pratiques "
               "collaboratives des villes moyennes : covoiturage, circuits courts, économie circulaire, "
               "budgets participatifs, lieux partagés. Mont-de-Marsan, Épinal, Narbonne et Lorient y étaient "
               "mises en regard de villes moyennes d'autres pays européens. Contenu de démonstration rédigé "
               "à partir de faits publics.",
    "foreword": [
        ("heading", "Avertissement"),
        ("paragraph",
         "<b>Ceci est un contenu de démonstration</b>, rédigé par l'équipe de la plateforme à partir de "
         "faits publics. Ce n'est pas le texte de l'étude Sharitories, dont rien n'est reproduit ici ; cette "
         "page ne présente ni terrains ni impacts, seulement le cadre de l'exploration."),
        ("heading", "Les villes moyennes, angle mort de l'économie collaborative"),
        ("paragraph",
         "Quand on parle de partage et de coopération, on pense d'abord aux grandes métropoles. Sharitories, "
         "conduite par Ouishare et Chronos avec le soutien du CGET, de Transdev et de Castorama, a fait le "
         "pari inverse : regarder comment des villes moyennes inventent leurs propres formes de "
         "collaboration. Quatre villes françaises, Mont-de-Marsan, Épinal, Narbonne et Lorient, ont été "
         "observées aux côtés d'Aveiro au Portugal, Hilversum aux Pays-Bas, Genk en Belgique et Kristianstad "
         "en Suède."),
        ("paragraph",
         "L'exploration s'intéressait à ceux qui rendent ces pratiques possibles : élus, agents des "
         "collectivités, entrepreneurs, associations. Elle a mis en lumière le rôle des tiers-lieux comme "
         "catalyseurs des usages collaboratifs, une piste que Mille Lieux a ensuite approfondie."),
    ],
    "method": [],
    "fields": [],
    "partners": [
        {"name": "CGET", "url": "",
         "description": "Commissariat général à l'égalité des territoires, aujourd'hui intégré à l'Agence "
                        "nationale de la cohésion des territoires.",
         "role": "Soutien de l'exploration"},
        {"name": "Transdev", "url": "https://www.transdev.com",
         "description": "Opérateur de transport public de voyageurs.",
         "role": "Soutien de l'exploration"},
        {"name": "Castorama", "url": "https://www.castorama.fr",
         "description": "Enseigne de bricolage.",
         "role": "Soutien de l'exploration"},
    ],
    "places_intro": "",
    "impacts_intro": "",
    "articles_intro": "",
    "places": [],
    "impacts": [],
    "series": None,
    "articles": [],
    "events": [],
}

EXPLORATIONS = [MILLE_LIEUX, SHARITORIES]
