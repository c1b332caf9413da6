import type { CiClass } from "@/lib/domain/vocabulary";

/**
 * The small French vocabulary the volume tickets are written with, per category of the seeded
 * catalogue: how often schools file it (per 1,000 tickets), a few titles and details, and the
 * class of equipment it usually names. `{salle}` is replaced by a room such as « B104 ».
 */
export type CategoryProfile = { weight: number; titles: readonly string[]; details: readonly string[]; ciClass?: CiClass };

export const CATEGORY_PROFILES: Record<string, CategoryProfile> = {
  "POSTE-PANNE": {
    weight: 90,
    ciClass: "pc",
    titles: [
      "Poste en panne en salle {salle}",
      "Le PC du bureau {salle} ne démarre plus",
      "Écran noir au démarrage, salle {salle}",
      "Ordinateur qui s'éteint tout seul en {salle}",
    ],
    details: [
      "L'ordinateur ne s'allume plus du tout, aucun voyant.",
      "Le poste émet trois bips au démarrage puis reste sur un écran noir.",
      "Le disque dur fait un bruit de cliquetis et Windows ne démarre pas.",
    ],
  },
  "POSTE-DYSF": {
    weight: 110,
    ciClass: "pc",
    titles: [
      "Poste très lent en salle {salle}",
      "Session qui met dix minutes à s'ouvrir",
      "Message d'erreur au lancement de Windows en {salle}",
      "Le poste du professeur se fige pendant le cours",
    ],
    details: [
      "L'ouverture de session prend plusieurs minutes et les logiciels se figent.",
      "Une fenêtre d'erreur s'affiche à chaque démarrage et le navigateur se ferme tout seul.",
      "Impossible d'imprimer depuis ce poste alors que l'imprimante fonctionne pour les autres.",
    ],
  },
  "POSTE-PERIPH": {
    weight: 50,
    ciClass: "pc",
    titles: ["Clavier à remplacer en salle {salle}", "Souris défectueuse sur plusieurs postes", "Câble vidéo abîmé au bureau {salle}"],
    details: [
      "Plusieurs touches du clavier ne répondent plus.",
      "La souris ne fonctionne que par intermittence.",
      "Le câble entre l'écran et l'unité centrale est arraché.",
    ],
  },
  "POSTE-IMAC": {
    weight: 40,
    titles: [
      "Déplacer deux postes vers la salle {salle}",
      "Installer un poste supplémentaire au CDI",
      "Changer le poste de la vie scolaire",
    ],
    details: [
      "Nous réorganisons la salle et souhaitons déplacer les postes avant la rentrée.",
      "Un nouveau poste est arrivé et doit être installé et raccordé au réseau.",
    ],
  },
  "POSTE-REINSTALL": {
    weight: 10,
    ciClass: "pc",
    titles: ["Réinstaller la salle {salle} avec le nouveau master", "Remasteriser la salle informatique {salle}"],
    details: [
      "Les postes de la salle ont des versions de logiciels différentes ; un master commun est demandé.",
      "Après les examens, la salle doit être réinstallée avec l'image de la rentrée.",
    ],
  },
  "IMPR-PANNE": {
    weight: 45,
    ciClass: "printer",
    titles: [
      "Imprimante en panne en salle des professeurs",
      "L'imprimante de la salle {salle} affiche une erreur",
      "Imprimante hors service au secrétariat",
    ],
    details: [
      "L'imprimante affiche un code erreur et n'imprime plus rien.",
      "L'imprimante fait un bruit anormal et la page sort blanche.",
      "Plus aucune impression ne sort de l'imprimante malgré un redémarrage.",
    ],
  },
  "IMPR-INSTALL": {
    weight: 20,
    ciClass: "printer",
    titles: ["Installer l'imprimante réseau de la salle {salle}", "Ajouter une imprimante sur les postes du CDI"],
    details: [
      "Une nouvelle imprimante réseau a été livrée et doit être déclarée sur les postes.",
      "Les postes de la salle ne voient pas l'imprimante réseau du couloir.",
    ],
  },
  "IMPR-CONTRAT": {
    weight: 35,
    ciClass: "printer",
    titles: [
      "Copieur sous contrat bloqué en salle de reprographie",
      "Le photocopieur de la vie scolaire ne scanne plus",
      "Imprimante multifonction en erreur au secrétariat",
    ],
    details: [
      "Le copieur affiche un appel au technicien du prestataire.",
      "La numérisation vers la messagerie ne fonctionne plus depuis la mise à jour.",
    ],
  },
  "IMPR-CONSOMMABLE": {
    weight: 40,
    ciClass: "printer",
    titles: [
      "Toner vide sur l'imprimante de la salle {salle}",
      "Bourrage papier récurrent sur l'imprimante du CDI",
      "Commande de toner pour l'imprimante de l'intendance",
    ],
    details: ["Le toner noir est vide et nous n'avons plus de cartouche d'avance.", "Le papier se coince à chaque impression recto verso."],
  },
  "EQUIP-DOTATION": {
    weight: 5,
    titles: ["Demande de dotation pour la salle {salle}", "Dotation annuelle : renouvellement des postes du CDI"],
    details: [
      "Dans le cadre de l'enquête annuelle, nous demandons le renouvellement des postes de la salle.",
      "Les vidéoprojecteurs des salles de sciences ont plus de dix ans.",
    ],
  },
  "EQUIP-LIVRAISON": {
    weight: 10,
    titles: ["Matériel livré incomplet", "Écran livré cassé pour la salle {salle}"],
    details: [
      "Le carton contenait les unités centrales mais pas les écrans prévus.",
      "L'écran est arrivé fissuré, le livreur est reparti.",
    ],
  },
  "SRV-INCIDENT": {
    weight: 15,
    ciClass: "server",
    titles: [
      "Serveur pédagogique inaccessible",
      "Plus d'accès aux lecteurs réseau depuis ce matin",
      "Le serveur de l'établissement ne répond plus",
    ],
    details: [
      "Aucun poste n'accède aux partages réseau, les élèves ne retrouvent pas leurs documents.",
      "Le serveur semble redémarrer en boucle depuis la coupure de courant.",
    ],
  },
  "SRV-RESTAURATION": {
    weight: 15,
    ciClass: "server",
    titles: ["Restaurer un dossier supprimé sur le partage des professeurs", "Récupérer les fichiers d'un élève effacés par erreur"],
    details: [
      "Un dossier de cours a été supprimé par erreur hier après-midi.",
      "Les travaux d'examen d'une classe ont disparu du partage commun.",
    ],
  },
  "SRV-DELEGATION": {
    weight: 8,
    titles: ["Droits d'administration pour le référent numérique", "Délégation de droits sur le serveur pour le DDFPT"],
    details: [
      "Le nouveau référent numérique a besoin de gérer les comptes de sa salle.",
      "Merci de donner les droits de gestion des partages au DDFPT.",
    ],
  },
  "SRV-STOCKAGE": {
    weight: 12,
    ciClass: "server",
    titles: ["Quota dépassé sur le partage des élèves", "Créer un partage pour la section BTS"],
    details: [
      "Les élèves ne peuvent plus enregistrer, le quota est atteint.",
      "Un espace partagé est demandé pour les enseignants de la section.",
    ],
  },
  "LOGADM-NATIONAL": {
    weight: 20,
    titles: [
      "SIECLE inaccessible depuis le secrétariat",
      "Erreur de connexion à STSWeb",
      "Impossible d'ouvrir Pronote depuis l'intendance",
    ],
    details: [
      "Le portail ARENA refuse la connexion avec un message d'erreur.",
      "L'application nationale affiche une page blanche après l'authentification.",
    ],
  },
  "LOGADM-INSTALL": {
    weight: 15,
    titles: ["Mettre à jour le logiciel de comptabilité", "Installer le logiciel de gestion des stages"],
    details: [
      "La nouvelle version doit être installée avant la clôture de l'exercice.",
      "Le logiciel doit être installé sur les postes du secrétariat.",
    ],
  },
  "LOGADM-USAGE": {
    weight: 15,
    titles: ["Aide pour l'export des notes", "Question sur l'édition des bulletins"],
    details: [
      "Nous ne trouvons pas comment exporter les notes du trimestre.",
      "Les bulletins sortent sans l'appréciation du conseil de classe.",
    ],
  },
  "LOGPED-INSTALL": {
    weight: 40,
    titles: [
      "Installer GeoGebra en salle {salle}",
      "Mettre à jour Scratch sur les postes de technologie",
      "Installer un logiciel de CAO pour la section",
    ],
    details: [
      "Le logiciel est nécessaire pour les cours de mathématiques de la semaine prochaine.",
      "La version installée ne permet plus d'ouvrir les projets des élèves.",
    ],
  },
  "LOGPED-QUALIF": {
    weight: 8,
    titles: ["Qualification d'un logiciel de simulation", "Faire valider un nouveau logiciel de langues"],
    details: [
      "L'équipe de sciences souhaite utiliser ce logiciel à la rentrée.",
      "Le logiciel a été acheté sur les fonds propres de l'établissement.",
    ],
  },
  "LOGPED-USAGE": {
    weight: 20,
    titles: ["Aide à l'utilisation du tableau numérique", "Question sur le logiciel de gestion de classe"],
    details: [
      "Les enseignants ne savent pas partager l'écran du poste vers les élèves.",
      "Une courte formation serait utile pour l'équipe.",
    ],
  },
  "RES-PANNE": {
    weight: 35,
    ciClass: "network_switch",
    titles: [
      "Plus de réseau en salle {salle}",
      "Coupure réseau dans le bâtiment B",
      "Les postes de la salle {salle} n'ont plus accès au réseau",
    ],
    details: ["Aucun poste de la salle n'obtient d'adresse réseau.", "Le commutateur de l'étage clignote en orange depuis ce matin."],
  },
  "RES-WIFI": {
    weight: 45,
    ciClass: "wifi_access_point",
    titles: ["WiFi instable au CDI", "Pas de WiFi en salle {salle}", "Les tablettes perdent le WiFi pendant les cours"],
    details: ["La connexion WiFi coupe toutes les cinq minutes.", "La borne WiFi de la salle ne s'allume plus."],
  },
  "RES-INTERNET": {
    weight: 10,
    titles: ["Accès internet coupé pour tout l'établissement", "Internet très lent depuis ce matin"],
    details: [
      "Plus aucun site ne s'ouvre, sur tous les postes.",
      "Les pages mettent une minute à s'afficher, les cours en ligne sont impossibles.",
    ],
  },
  "RES-PRISE": {
    weight: 15,
    titles: ["Activer une prise réseau en salle {salle}", "Ajouter deux prises réseau au bureau du CPE"],
    details: ["La prise murale n'est pas brassée.", "Un nouveau bureau a été aménagé et n'a pas de prise active."],
  },
  "SEC-INCIDENT": {
    weight: 6,
    titles: [
      "Messagerie d'un personnel piratée",
      "Virus détecté sur un poste du secrétariat",
      "Tentative d'hameçonnage reçue par les enseignants",
    ],
    details: [
      "Des courriels frauduleux ont été envoyés depuis la boîte de l'agent.",
      "L'antivirus signale un fichier malveillant sur une clé USB.",
    ],
  },
  "SEC-FILTRAGE": {
    weight: 20,
    titles: ["Débloquer un site pédagogique filtré", "Exception au filtrage pour une vidéo de cours"],
    details: [
      "Le site est bloqué par le filtrage alors qu'il est utilisé en cours.",
      "La plateforme de vidéos éducatives est catégorisée à tort.",
    ],
  },
  "CPT-ELEVE": {
    weight: 60,
    titles: [
      "Réinitialiser le mot de passe d'un élève",
      "Élève bloqué à la connexion",
      "Mot de passe oublié pour plusieurs élèves de seconde",
    ],
    details: ["L'élève a oublié son mot de passe et ne peut plus ouvrir de session.", "Le compte est verrouillé après plusieurs essais."],
  },
  "CPT-PERSONNEL": {
    weight: 30,
    titles: ["Créer le compte d'un enseignant contractuel", "Compte absent pour une assistante d'éducation"],
    details: [
      "La personne n'apparaît pas encore dans STSWeb et a besoin d'un compte.",
      "Le compte réseau de la nouvelle recrue n'existe pas.",
    ],
  },
  "CPT-ADMIN": {
    weight: 10,
    titles: ["Accès au partage administratif pour la gestionnaire", "Augmenter le quota de la messagerie administrative"],
    details: ["La nouvelle gestionnaire n'accède pas aux dossiers de l'intendance.", "La boîte est pleine et n'accepte plus de messages."],
  },
  "CPT-ENT": {
    weight: 35,
    titles: [
      "Connexion à l'ENT impossible",
      "Un parent ne peut pas activer son compte ENT",
      "Erreur d'authentification sur l'ENT pour une classe",
    ],
    details: ["La page de connexion de l'ENT tourne en boucle.", "Le code d'activation est refusé."],
  },
  "AV-PANNE": {
    weight: 50,
    ciClass: "video_projector",
    titles: [
      "Vidéoprojecteur en panne en salle {salle}",
      "L'écran interactif de la salle {salle} ne répond plus",
      "Image jaune sur le vidéoprojecteur",
    ],
    details: ["La lampe du vidéoprojecteur clignote en rouge.", "Le stylet de l'écran interactif n'est plus reconnu."],
  },
  "AV-RACCORD": {
    weight: 25,
    ciClass: "video_projector",
    titles: ["Brancher un ordinateur portable au vidéoprojecteur", "Pas d'image sur le vidéoprojecteur avec le câble HDMI"],
    details: ["Le portable de l'enseignant n'affiche rien sur le vidéoprojecteur.", "Le câble HDMI de la salle semble défectueux."],
  },
};

/** Said before and after the category's detail, so descriptions vary beyond the category. */
export const OPENINGS = [
  "Bonjour,",
  "Bonjour, nous rencontrons un problème depuis ce matin.",
  "Bonjour, le problème est apparu à la rentrée.",
  "Bonjour, comme signalé par téléphone :",
  "Bonjour, un enseignant nous signale le problème suivant.",
  "Bonjour, nous vous relançons à ce sujet.",
];
export const CLOSINGS = [
  "Merci d'avance.",
  "Cela bloque les cours de l'après-midi.",
  "Le problème se reproduit chaque jour.",
  "Les élèves sont en examen la semaine prochaine.",
  "Nous restons disponibles pour vous ouvrir la salle.",
  "Merci de nous tenir informés.",
  "Le professeur est présent le mardi et le jeudi.",
];
/** Comments of the technicians and the schools, for the journal. */
export const COMMENTS = [
  "Intervention planifiée jeudi matin.",
  "Pouvez-vous nous indiquer un créneau pour passer ?",
  "Pièce commandée, en attente de livraison.",
  "Redémarré à distance, merci de confirmer que tout fonctionne.",
  "La salle était fermée lors de notre passage.",
  "Toujours le même problème ce matin.",
  "Merci, c'est réglé de notre côté.",
  "Ticket transmis au prestataire.",
];

/** Rooms named like French lycées' (building letter, floor, number). */
export const BUILDINGS = ["A", "B", "C", "D"];

/** Classes of the volume CMDB, per 1,000 items, with plausible makes; criticality follows the class. */
export const CI_MIX: ReadonlyArray<{
  class: CiClass;
  weight: number;
  makes: ReadonlyArray<readonly [string, string]>;
  criticality: "low" | "medium" | "high";
}> = [
  {
    class: "pc",
    weight: 560,
    criticality: "low",
    makes: [
      ["HP", "HP ProDesk 400 G7"],
      ["Dell", "OptiPlex 3080"],
      ["Lenovo", "ThinkCentre M70t"],
      ["HP", "HP EliteDesk 800 G4"],
    ],
  },
  {
    class: "laptop",
    weight: 110,
    criticality: "low",
    makes: [
      ["Dell", "Latitude 3520"],
      ["HP", "ProBook 450 G8"],
      ["Lenovo", "ThinkPad E15"],
    ],
  },
  {
    class: "tablet",
    weight: 90,
    criticality: "low",
    makes: [
      ["Apple", "iPad 9"],
      ["Samsung", "Galaxy Tab A8"],
    ],
  },
  {
    class: "printer",
    weight: 45,
    criticality: "medium",
    makes: [
      ["HP", "LaserJet Pro M404dn"],
      ["Kyocera", "ECOSYS M3145dn"],
      ["Brother", "HL-L5100DN"],
    ],
  },
  {
    class: "video_projector",
    weight: 80,
    criticality: "medium",
    makes: [
      ["Epson", "EB-695Wi"],
      ["BenQ", "MW560"],
      ["Promethean", "ActivPanel 9"],
    ],
  },
  {
    class: "wifi_access_point",
    weight: 35,
    criticality: "medium",
    makes: [
      ["Aruba", "AP-505"],
      ["Ubiquiti", "UniFi U6 Pro"],
    ],
  },
  {
    class: "network_switch",
    weight: 20,
    criticality: "high",
    makes: [
      ["HPE", "Aruba 2530-48G"],
      ["Cisco", "Catalyst 2960-X"],
    ],
  },
  {
    class: "ip_phone",
    weight: 40,
    criticality: "low",
    makes: [
      ["Yealink", "T31P"],
      ["Cisco", "CP-7821"],
    ],
  },
  {
    class: "server",
    weight: 5,
    criticality: "high",
    makes: [
      ["Dell", "PowerEdge R450"],
      ["HPE", "ProLiant DL360 Gen10"],
    ],
  },
  { class: "virtual_machine", weight: 8, criticality: "high", makes: [["VMware", "Machine virtuelle"]] },
  { class: "nas", weight: 3, criticality: "high", makes: [["Synology", "RS1221+"]] },
  {
    class: "ups",
    weight: 4,
    criticality: "high",
    makes: [
      ["APC", "Smart-UPS 1500"],
      ["Eaton", "5PX 1500"],
    ],
  },
];

/** Short code of a class in generated CI names (`0370037p-v-pc004211`). */
export const CI_NAME_CODES: Partial<Record<CiClass, string>> = {
  pc: "pc",
  laptop: "pp",
  tablet: "tab",
  printer: "imp",
  video_projector: "vp",
  wifi_access_point: "ap",
  network_switch: "sw",
  ip_phone: "tel",
  server: "srv",
  virtual_machine: "vm",
  nas: "nas",
  ups: "ond",
};

export const FIRST_NAMES = [
  "Julien",
  "Camille",
  "Nicolas",
  "Sarah",
  "Antoine",
  "Léa",
  "Mathieu",
  "Chloé",
  "Romain",
  "Manon",
  "Kevin",
  "Pauline",
  "Maxime",
  "Laura",
  "Guillaume",
  "Marine",
  "Sébastien",
  "Élodie",
  "Alexandre",
  "Céline",
  "Florian",
  "Aurélie",
  "Quentin",
  "Justine",
];
export const LAST_NAMES = [
  "Dubois",
  "Lambert",
  "Rousseau",
  "Vincent",
  "Muller",
  "Lefèvre",
  "Faure",
  "André",
  "Mercier",
  "Blanchard",
  "Guérin",
  "Boyer",
  "Garnier",
  "Chevallier",
  "François",
  "Legrand",
  "Gauthier",
  "Garcia",
  "Perrin",
  "Robin",
  "Clément",
  "Morin",
  "Nicolas",
  "Henry",
];
export const SCHOOL_FUNCTIONS = ["CPE", "Secrétariat", "Professeur principal", "Documentaliste", "Intendance", "DDFPT"];
