import { romanisationSkeleton, nysiis } from './strings';

const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

/**
 * Folds text to lower-case ASCII: diacritics go (Nguyễn → nguyen, Çela → cela), apostrophes join (O'Brien →
 * obrien) and every other punctuation mark separates words, so hyphenated and spaced spellings share tokens.
 */
export function foldText(value: string | null | undefined): string {
  if (!value) return '';
  return value
    .toLowerCase()
    .replace(/[øßđðłæœþıħ]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Titles and honorifics sit in legacy name fields ("Sir", "Mrs", "Baronet") but say nothing about identity.
const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'sir',
  'dame',
  'lord',
  'lady',
  'rev',
  'revd',
  'baronet',
  'bt',
  'jr',
  'jnr',
  'sr',
  'snr',
  'hon',
  'honourable',
  'esq',
  'prof',
  'baron',
  'baroness',
  'viscount',
  'marquess',
  'dowager',
  // Generational suffixes (John Smith II) and the "of" of a territorial designation are not names either.
  'ii',
  'iii',
  'iv',
  'of',
]);

// Ordinals ("1st Baron", "3rd"): part of a title, never of a name.
const ORDINAL = /^\d+(st|nd|rd|th)$/;

/** Name tokens of a field: folded, honorifics and title ordinals dropped, order kept. */
export function nameTokens(value: string | null | undefined): string[] {
  const folded = foldText(value);
  if (!folded) return [];
  return folded.split(' ').filter((t) => t && !HONORIFICS.has(t) && !ORDINAL.test(t));
}

/**
 * Spellings of one name that records of the same person are known to use: transliterations from Arabic,
 * Tigrinya, Chinese and Vietnamese romanisation, and English diminutives. The first spelling is the group's key.
 * A spelling may sit in two groups (Pat: Patrick and Patricia).
 */
const VARIANT_GROUPS: readonly (readonly string[])[] = [
  // Arabic given names (Sudanese, Eritrean, Egyptian, Iraqi, Syrian, Afghan records)
  [
    'muhammad',
    'mohammed',
    'mohamed',
    'mohammad',
    'mohamad',
    'muhammed',
    'muhamed',
    'muhamad',
    'mohamud',
    'mohd',
    'mohmed',
    'mahomed',
    'mehmet',
    'mehmed',
    'muhamet',
    'mohammod',
  ],
  ['ahmed', 'ahmad', 'ahmet', 'ahmedi', 'ahmmed'],
  ['ali', 'aly', 'alee', 'aliu'],
  ['hussein', 'husein', 'hussain', 'husain', 'hossein', 'hosein', 'husayn', 'huseyin'],
  ['hassan', 'hasan', 'hasaan', 'hassen'],
  ['hassani', 'hasani'],
  ['abdullah', 'abdallah', 'abdalla', 'abdulla', 'abdellah'],
  ['abdulrahman', 'abdelrahman', 'abdurrahman', 'abdirahman', 'abderrahmane', 'abdulrahmaan'],
  ['abdulaziz', 'abdelaziz', 'abdiaziz'],
  ['abdelkader', 'abdulkadir', 'abdulqadir', 'abdelqader', 'abdikadir'],
  ['omar', 'umar', 'omer', 'umer'],
  ['osman', 'usman', 'othman', 'uthman', 'osmani'],
  ['yusuf', 'youssef', 'yousef', 'yusef', 'yousif', 'yousuf', 'yussuf', 'yosef'],
  ['ibrahim', 'ebrahim', 'ibraheem', 'ibrahima', 'ibragim'],
  ['ismail', 'ismael', 'esmail', 'ismaeel', 'ismayil'],
  ['khalid', 'khaled', 'khalied', 'halid'],
  ['mustafa', 'mostafa', 'moustafa', 'mustapha', 'mustafe'],
  ['mahmoud', 'mahmood', 'mahmud', 'mahamoud'],
  ['abubakar', 'abubakr', 'abu bakr', 'aboubakar', 'abubaker'],
  ['fatima', 'fatma', 'fatimah', 'fatuma', 'fadumo'],
  ['aisha', 'ayesha', 'aysha', 'aishah', 'ayisha', 'aicha'],
  ['mariam', 'maryam', 'meryem', 'miriam', 'mariyam'],
  ['yasin', 'yassin', 'yaseen', 'yassine', 'yacine'],
  ['suleiman', 'sulaiman', 'soliman', 'suleyman', 'sulayman', 'sulieman'],
  ['idris', 'idriss', 'edris'],
  ['amin', 'ameen', 'amine'],
  ['karim', 'kareem', 'karem'],
  ['rashid', 'rasheed', 'rachid', 'rashed'],
  ['said', 'saeed', 'sayed', 'saed', 'sayid', 'saaid'],
  ['saleh', 'salih', 'salah', 'saleem', 'salim'],
  ['tariq', 'tarek', 'tareq', 'tarik'],
  ['walid', 'waleed', 'oualid'],
  ['yahya', 'yehia', 'yahia', 'yehya'],
  ['zakaria', 'zakariya', 'zakariah', 'zakariyya', 'zakarya'],
  ['nour', 'noor', 'nur'],
  ['adam', 'adem', 'aadam'],
  ['osama', 'usama', 'ousama'],
  ['jamal', 'gamal', 'djamel', 'jamaal'],
  ['bashir', 'basheer', 'bachir'],
  ['elias', 'ilyas', 'ilias', 'elyas'],
  ['yunus', 'younes', 'younis', 'yunis', 'younus'],
  ['musa', 'moussa', 'mousa', 'mussa'],
  ['isa', 'issa', 'eisa'],
  ['jaafar', 'jafar', 'jafer', 'djaafar'],
  ['haji', 'hajji', 'hadji'],
  // Tigrinya and Amharic names (Eritrean, Ethiopian records)
  ['tesfay', 'tesfaye', 'tesfai', 'tesfa'],
  ['gebre', 'ghebre', 'gebray', 'gebru', 'ghebrey'],
  ['gebremedhin', 'ghebremedhin', 'gebremedin', 'ghebremedin'],
  ['gebremariam', 'ghebremariam', 'gebremaryam'],
  ['haile', 'hayle', 'hailu', 'haylu'],
  ['tekle', 'tecle', 'teklay', 'teclay', 'tekleh'],
  ['kidane', 'kidan', 'kiddane'],
  ['mehari', 'mehary', 'mihary'],
  ['yohannes', 'yohanes', 'yohanis', 'johannes', 'yohans'],
  ['yonas', 'yonatan', 'jonas'],
  ['semere', 'semre', 'semer'],
  ['tsegay', 'tsegaye', 'tsegai', 'segay'],
  ['ghirmay', 'girmay', 'girma', 'ghirma'],
  ['welde', 'wolde', 'weldu', 'woldu'],
  ['filmon', 'filimon', 'philemon'],
  ['habte', 'habtu', 'habtay'],
  ['berhane', 'berhan', 'birhane', 'birhan'],
  ['mebrahtu', 'mebrahtom', 'mebratu'],
  ['ermias', 'ermiyas', 'ermyas'],
  ['dawit', 'dawitt', 'dawid'],
  ['abraham', 'abrham', 'abreham'],
  ['mussie', 'musie', 'mussa'],
  ['senait', 'senayt'],
  ['selam', 'salam', 'selamawit'],
  // Chinese surnames in pinyin, Wade–Giles and Cantonese romanisation
  ['zhang', 'chang', 'cheung', 'cheong'],
  ['chen', 'chan', 'chin'],
  ['wang', 'wong', 'vong'],
  ['li', 'lee', 'lei', 'ly'],
  ['liu', 'lau', 'lao'],
  ['zhou', 'chow', 'chou', 'chau'],
  ['xu', 'hsu', 'tsui', 'chui'],
  ['zhao', 'chao', 'chiu'],
  ['yang', 'yeung'],
  ['huang', 'hwang', 'wong'],
  ['lin', 'lam', 'lim'],
  ['wu', 'woo', 'ng'],
  ['zheng', 'cheng'],
  // Vietnamese family names without diacritics and as anglicised
  ['nguyen', 'nguyn', 'ngyuen', 'nguen'],
  ['tran', 'chan'],
  ['pham', 'fam'],
  ['hoang', 'huynh'],
  ['duong', 'zuong'],
  ['dang', 'dhang'],
  // Albanian and Balkan spellings
  ['hoxha', 'hoxhaj', 'hoca', 'hoja'],
  ['erjon', 'erion'],
  ['ardit', 'ardi'],
  ['gjergj', 'gjergji', 'jurgen'],
  ['mihai', 'mihail', 'mihaly'],
  ['ionut', 'ionutz', 'ionica'],
  ['andrei', 'andrey', 'andrej'],
  ['alexandru', 'aleksandru', 'alexandr', 'aleksandr', 'aleksander'],
  // English diminutives
  ['robert', 'rob', 'robbie', 'robby', 'bob', 'bobby', 'bert', 'roberto', 'rupert', 'rab', 'rabbie'],
  ['william', 'will', 'bill', 'billy', 'willie', 'willy', 'liam', 'wm', 'billie', 'wilhelm', 'guillaume', 'guillermo', 'gwilym', 'wiliam'],
  ['thomas', 'tom', 'tommy', 'thom', 'thos'],
  ['james', 'jim', 'jimmy', 'jimmie', 'jamie', 'jas', 'seamus', 'hamish', 'jaime'],
  [
    'john',
    'jack',
    'johnny',
    'jon',
    'jno',
    'ian',
    'iain',
    'sean',
    'shaun',
    'shawn',
    'evan',
    'jean',
    'juan',
    'johann',
    'jan',
    'ioan',
    'ion',
    'ivan',
    'giovanni',
    'joao',
  ],
  ['jonathan', 'jon', 'jonny', 'johnathan'],
  ['richard', 'rick', 'ricky', 'dick', 'dickie', 'rich', 'richie', 'ricardo', 'riccardo', 'ryszard'],
  ['charles', 'charlie', 'chas', 'chuck', 'chaz', 'carl', 'karl', 'carlos', 'carlo', 'karol'],
  ['edward', 'ed', 'eddie', 'eddy', 'ted', 'teddy', 'ned', 'edw', 'eduard', 'eduardo', 'edvard'],
  ['henry', 'harry', 'hal', 'hank', 'hy', 'henri', 'heinrich', 'enrique', 'enrico', 'henryk', 'harri'],
  ['harold', 'harry', 'hal'],
  ['michael', 'mike', 'mick', 'mickey', 'micky', 'mikey', 'michel', 'miguel', 'michal', 'mikhail', 'mihai', 'mihail', 'mikel'],
  ['elizabeth', 'liz', 'lizzie', 'lizzy', 'beth', 'betty', 'eliza', 'bess', 'bessie', 'elisabeth', 'libby'],
  ['margaret', 'maggie', 'meg', 'peggy', 'marge', 'margie', 'greta', 'madge'],
  ['katherine', 'kate', 'katie', 'kathy', 'catherine', 'kathryn', 'cathy', 'kat', 'kitty', 'katharine', 'cathryn'],
  [
    'alexander',
    'alex',
    'alec',
    'sandy',
    'alexandre',
    'aleksandar',
    'xander',
    'aleksander',
    'alexandru',
    'alessandro',
    'alejandro',
    'alasdair',
    'alastair',
    'alistair',
    'sasha',
  ],
  ['alexandra', 'alex', 'alexa', 'sandra', 'lexi'],
  ['daniel', 'dan', 'danny', 'dani'],
  ['david', 'dave', 'davy', 'davey', 'davide'],
  ['joseph', 'joe', 'joey', 'jos', 'giuseppe', 'josef', 'jozef', 'jose', 'joss'],
  ['samuel', 'sam', 'sammy'],
  ['benjamin', 'ben', 'benny', 'benji'],
  ['christopher', 'chris', 'kit', 'christoper'],
  ['anthony', 'tony', 'antony', 'anton', 'antonio', 'antoni', 'antoine'],
  ['andrew', 'andy', 'drew'],
  ['nicholas', 'nick', 'nicky', 'nicolas', 'nikolas'],
  ['matthew', 'matt', 'matty', 'mathew'],
  ['patrick', 'pat', 'paddy', 'patsy'],
  ['patricia', 'pat', 'patty', 'trish', 'tricia'],
  ['peter', 'pete', 'piotr', 'petr', 'pierre', 'pedro', 'pietro', 'petru', 'petar', 'peadar'],
  ['paul', 'pablo', 'paolo', 'pawel', 'pavel', 'paulo'],
  ['stephen', 'steven', 'steve', 'stevie', 'stefan', 'stephan', 'etienne', 'esteban', 'stefano'],
  ['timothy', 'tim', 'timmy'],
  ['frederick', 'fred', 'freddie', 'freddy', 'frederic'],
  ['albert', 'al', 'bert', 'bertie'],
  ['alfred', 'alf', 'alfie', 'fred'],
  ['arthur', 'art', 'artie'],
  ['george', 'georgie', 'geo', 'geordie', 'georg', 'jorge', 'giorgio', 'georgios', 'jerzy', 'gjergj'],
  ['jennifer', 'jen', 'jenny', 'jenni'],
  ['rebecca', 'becky', 'becca', 'rebekah'],
  ['susan', 'sue', 'susie', 'suzanne', 'susanne'],
  ['victoria', 'vicky', 'vicki', 'tori'],
  ['deborah', 'debbie', 'deb', 'debra'],
  ['ann', 'anne', 'anna', 'annie', 'hannah'],
  ['mary', 'molly', 'polly', 'mae', 'marie', 'maria', 'marija', 'mair', 'maire', 'mamie'],
  ['sarah', 'sara', 'sally', 'sadie'],
  ['jessica', 'jess', 'jessie'],
  ['emily', 'emma', 'em', 'millie'],
  ['isabella', 'isabel', 'izzy', 'bella', 'isobel'],
  ['olivia', 'liv', 'livvy'],
  ['charlotte', 'lottie', 'charley'],
  ['eleanor', 'ellie', 'nell', 'elinor', 'elena'],
  ['louise', 'lou', 'louisa'],
  ['lewis', 'louis', 'lou'],
  ['harrison', 'harry'],
  ['oliver', 'ollie', 'olly'],
  ['jacob', 'jake', 'jakob'],
  ['joshua', 'josh'],
  ['nathan', 'nate', 'nathaniel'],
  ['zachary', 'zach', 'zack'],
  ['gregory', 'greg'],
  ['raymond', 'ray'],
  ['ronald', 'ron', 'ronnie'],
  ['donald', 'don', 'donnie'],
  ['kenneth', 'ken', 'kenny'],
  ['gerald', 'gerry', 'jerry'],
  ['lawrence', 'laurence', 'larry', 'laurie'],
  ['leonard', 'leo', 'len', 'lenny'],
  ['francis', 'frank', 'frankie', 'fran', 'francesco', 'francisco', 'franz', 'francois', 'franciszek'],
  ['walter', 'walt', 'wally'],
  ['ernest', 'ernie'],
  ['herbert', 'herb', 'bert'],
  ['hugh', 'hughie', 'hugo'],
  ['geoffrey', 'jeffrey', 'geoff', 'jeff'],
  ['philip', 'phillip', 'phil'],
  ['douglas', 'doug', 'dougie'],
  ['archibald', 'archie'],
  ['augustus', 'gus', 'augustine'],
  ['evelyn', 'evie', 'eve'],
  ['dorothy', 'dot', 'dolly', 'dottie'],
  ['florence', 'flo', 'florrie'],
  ['frances', 'fanny', 'fran'],
  ['caroline', 'carol', 'carrie', 'carolyn'],
  ['christine', 'christina', 'chris', 'tina', 'kristina'],
  ['jacqueline', 'jackie', 'jacqui'],
  ['josephine', 'jo', 'josie'],
  ['kimberley', 'kimberly', 'kim'],
  ['natalie', 'natalia', 'nat', 'natasha', 'tasha'],
  ['nicola', 'nicole', 'nikki', 'nicky'],
  ['pamela', 'pam'],
  ['stephanie', 'steph', 'stefanie'],
  ['theodore', 'theo', 'ted', 'teddy'],
  ['thomas', 'tomas', 'tomasz', 'tommaso'],
  ['david', 'dafydd', 'dewi', 'dawid', 'davide'],
  ['daniel', 'daniele', 'danilo'],
  ['andrew', 'andreas', 'andre', 'andrzej', 'andres', 'andrei'],
  ['matthew', 'mateusz', 'matteo', 'mathieu', 'matthias'],
  ['nicholas', 'nikola', 'nicolae', 'niklas', 'nikolai'],
  ['elizabeth', 'elsie', 'elspeth', 'lisa', 'liza', 'betsy'],
  ['katherine', 'katarzyna', 'katharina', 'caterina', 'kathleen', 'kay', 'katy', 'kasia'],
  ['margaret', 'margarita', 'marguerite', 'margarete', 'maisie'],
  ['ann', 'anita', 'annette', 'nancy', 'nan', 'anya', 'ania'],
  ['jane', 'janet', 'janie', 'jean', 'jeanne', 'joan', 'joanna', 'johanna', 'joanne', 'sian', 'siobhan', 'jana'],
  ['helen', 'helena', 'ellen', 'nellie', 'lena'],
  ['frederick', 'friedrich', 'federico', 'fryderyk', 'fritz'],
  ['christopher', 'christoph', 'krzysztof', 'kris'],
  ['arthur', 'art', 'artie', 'artur', 'arturo'],
  ['lewis', 'luis', 'luigi', 'ludwik', 'ludwig'],
  ['hugh', 'huw', 'hew', 'ugo'],
  ['ralph', 'rafe'],
  ['raphael', 'rafael', 'rafal', 'raffaele'],
  ['gregory', 'grzegorz', 'gregor', 'grigore'],
  ['lawrence', 'lorenzo', 'lorenc', 'laurent', 'laurentiu'],
  ['jacob', 'jakub', 'kuba', 'yakub', 'yaqub'],
  ['agnes', 'nessie', 'nessa', 'aggie'],
  ['isaac', 'ike', 'izaak', 'isaak', 'ishaq'],
  // Appended groups join names that earlier groups already key, so no earlier spelling changes its canonical key
  // (blocking keys stay as they were); they only make the names variants of each other.
  // Abbreviations of Muhammad as keyed on forms and in South Asian and Arabic records.
  ['muhammad', 'mhd', 'muhd', 'mohd'],
  // One name across the Abrahamic languages: the Arabic, Tigrinya or Amharic form and its Biblical English one,
  // either of which a person may give (or an interpreter write) at different times.
  ['ibrahim', 'ebrahim', 'abraham', 'abrahim', 'avraham'],
  ['musa', 'moussa', 'moses', 'mose', 'moshe'],
  ['yusuf', 'yousif', 'youssef', 'yousef', 'joseph', 'yosef', 'yoseph', 'josef'],
  ['suleiman', 'sulaiman', 'solomon', 'sulayman', 'selomon', 'solomun'],
  ['mariam', 'maryam', 'mary', 'maria', 'miriam'],
  ['dawit', 'david', 'dawood', 'dawud', 'daud', 'daoud', 'dawid'],
  ['ismail', 'ishmael', 'ismael'],
  ['harun', 'haroun', 'haroon', 'aaron', 'aron'],
  ['nuh', 'noah', 'nooh'],
  ['ayub', 'ayoub', 'ayyub', 'job', 'eyob', 'iyob'],
  ['yunus', 'younis', 'younes', 'jonah'],
  ['elias', 'ilyas', 'elijah', 'eliyas', 'elyas'],
  ['zakaria', 'zachary', 'zacharias', 'zekarias'],
  ['gabriel', 'jibril', 'gebriel', 'gabriele'],
  ['michael', 'mikael', 'mikiele', 'mikail', 'mickael', 'mikhael'],
  ['benjamin', 'biniam', 'biniyam', 'binyam', 'binyamin'],
  ['stephen', 'estifanos', 'stefanos', 'istifanos'],
  ['peter', 'petros', 'petrus'],
  ['jacob', 'yakob', 'yaqub', 'yacob', 'yakub'],
  ['samuel', 'samiel', 'samuael'],
  ['daniel', 'danieal', 'daniale'],
  ['philip', 'filipos', 'filip', 'philippos'],
  ['thomas', 'tomas', 'tomasz', 'toma'],
  ['mark', 'markos', 'marko', 'marek', 'marc'],
  ['luke', 'luka', 'lukas', 'lucas', 'lukasz', 'luca'],
  ['simon', 'szymon', 'semon', 'shimon'],
  ['martin', 'marcin', 'martyn', 'martino'],
  ['bartholomew', 'bartosz', 'bart', 'bartek', 'bartolomeu'],
  ['stanislaw', 'stanislav', 'stan'],
  ['victor', 'wiktor', 'viktor', 'vittorio'],
  ['matthias', 'mathias', 'matias'],
  ['christopher', 'kristof', 'krystof', 'kristoffer', 'cristopher'],
  ['christian', 'cristian', 'kristian', 'krystian', 'christiaan'],
  ['george', 'gheorghe', 'georgi', 'giorgi'],
  ['basil', 'vasile', 'vasili', 'vasyl', 'vasil'],
  ['demetrius', 'dumitru', 'dimitri', 'dmitri', 'dimitar', 'dimitrios'],
  ['john', 'gjon', 'ioan', 'yohannes'],
  ['anthony', 'ndue', 'antoni', 'anton'],
  ['helen', 'elena', 'ilona', 'jelena'],
  ['agnes', 'agnieszka', 'agnese'],
  ['margaret', 'malgorzata', 'gosia'],
  ['eva', 'eve', 'ewa'],
  ['sophie', 'sophia', 'zofia', 'sofia'],
  ['martha', 'marta'],
  ['magdalena', 'magda', 'madeleine', 'madeline'],
  ['alexandra', 'aleksandra'],
  // Yoruba and Igbo given names and the short forms their bearers go by that are not simply their opening letters
  // (isShortening finds Funmi / Funmilayo, and drops the theophoric Oluwa-, Olu-, Chukwu- openings).
  ['babatunde', 'tunde'],
  ['abimbola', 'bimbo'],
  ['olufunke', 'funke'],
  ['temitope', 'tope'],
  ['adebayo', 'bayo'],
  ['chinonso', 'nonso'],
  ['abdullah', 'abdullahi'],
  // Added 7 December 2026: the same given name as the nationalities most often referred write it, transliterated
  // from Cyrillic, Arabic, Persian, Tigrinya or Amharic in the usual systems, or in its national form. Each group's
  // key is the canonical spelling its name already had (so the new spellings take that key and no earlier
  // spelling's key changes), or a new key where the name was not in the table. Kept apart on purpose: a feminine
  // form and its masculine one (Oleksandr / Oleksandra, Ivan / Ivana: two people, often siblings), Yuri and George,
  // Aleksei and Aleksandr (different names in Russian and Ukrainian), Lithuanian Mykolas (Michael) and Ukrainian
  // Mykola (Nicholas), Jonas beside John (Lithuanian Jonas is John, but elsewhere Jonas is Jonah, and the table
  // already has it beside Yonas). A group whose first name already had a key is headed by that key (Matěj and Mátyás
  // under Matthew, which the table already joins with Matthias; Ioana under Jane; Natnael under Nathan), so its
  // spellings block beside the name they spell. Left out: short forms that are
  // other names elsewhere (Dima; Nikita, a girl's name in India; Rida, a girl's name in Pakistan, beside Reza),
  // spellings that are a common family name of another people (Nagy, Hungarian, for Naji; Yao, Chinese, for Yaw),
  // Babiker beside Abubakar (derived from it, but used in Sudan as a name of its own), the al- and el- articles
  // (Al already has Albert's key), and spellings one keying slip apart (Bohdan / Bogdan, Bilal / Belal, Javed /
  // Javid): `fuzzy` already joins those, and weighs more than `variant`.
  // Ukrainian, Russian, Belarusian, Bulgarian and Moldovan forms, and the Czech, Slovak, Polish, Lithuanian and
  // Hungarian forms of the same names.
  ['alexander', 'oleksandr', 'olexandr', 'oleksander', 'olexander', 'aleksandr', 'alexandr', 'aleksander', 'aleksandras', 'aleksandar', 'sandor'],
  ['alexei', 'aleksei', 'alexey', 'aleksey', 'oleksiy', 'oleksii', 'olexiy', 'aleksej', 'alexej', 'alexiu'],
  ['sergei', 'sergey', 'serhiy', 'serhii', 'sergiy', 'sergii', 'serghei', 'sergiu', 'sergej', 'serge', 'sergio', 'sergejs'],
  ['demetrius', 'dmytro', 'dmitriy', 'dmitry', 'dmitrij', 'dmitrii', 'dimitrije'],
  ['vladimir', 'volodymyr', 'wladimir', 'wlodzimierz', 'volodimir', 'vladimiras'],
  ['yuri', 'yuriy', 'yurii', 'iurii', 'yury', 'jurij', 'iuri', 'iurie'],
  ['george', 'jiri', 'juraj', 'gyorgy', 'jurgis', 'heorhiy', 'heorhii', 'georgiy', 'georgii', 'georgy', 'giorgis'],
  ['andrew', 'andriy', 'andrii', 'andrey', 'andrej', 'ondrej', 'andras', 'andrius'],
  ['michael', 'mykhailo', 'mykhaylo', 'mikhailo', 'mihaly', 'mykolas', 'mihail', 'mikhail', 'mihal'],
  ['nicholas', 'mykola', 'mikola', 'mikolaj', 'nikolay', 'nikolaj', 'nicolai', 'miklos', 'mikulas', 'nikolajus', 'mikalojus', 'nikolla', 'nikoll', 'nikolaos'],
  ['katherine', 'ekaterina', 'yekaterina', 'kateryna', 'katerina', 'ecaterina', 'katarina', 'katalin', 'kotryna'],
  ['elias', 'ilya', 'ilia', 'illia', 'ilie', 'iliya', 'ilija', 'elijah', 'eliasz'],
  ['peter', 'petro', 'pyotr', 'petras', 'pjeter', 'petre'],
  ['paul', 'pavlo', 'pavol', 'paulius', 'povilas'],
  ['basil', 'vasily', 'vasiliy', 'vasilii', 'vassili', 'bazyli'],
  ['eugene', 'yevhen', 'yevgeny', 'yevgeniy', 'evgeny', 'evgeniy', 'evgenii', 'evgeni', 'eugen', 'eugeniu', 'eugeniusz', 'jevgenij', 'yevgen'],
  ['oleg', 'oleh'],
  ['helen', 'olena', 'yelena', 'elena', 'jelena', 'ilona'],
  ['vitaly', 'vitaliy', 'vitalii', 'vitalie', 'witali'],
  ['maxim', 'maksym', 'maksim', 'maxym'],
  ['dennis', 'denis', 'denys'],
  ['artem', 'artyom', 'artiom'],
  ['yaroslav', 'jaroslav', 'jaroslaw'],
  ['gregory', 'hryhoriy', 'hryhorii', 'grigoriy', 'grigory', 'grigorii', 'gergely', 'grigor'],
  ['theodore', 'fedir', 'fyodor', 'fedor', 'teodor', 'todor', 'tewodros', 'tedros'],
  ['jacob', 'yakiv', 'yakov', 'iakov', 'jakab', 'jokubas', 'yaakov', 'yakubu', 'yagoub', 'yaqoub', 'yacoub', 'yakoub'],
  ['igor', 'ihor'],
  ['joseph', 'iosif', 'yosyp', 'jozsef', 'juozas', 'josip'],
  ['stephen', 'istvan', 'stepan', 'steponas', 'szczepan', 'shtjefen'],
  ['constantine', 'constantin', 'konstantin', 'kostiantyn', 'kostyantyn', 'konstantyn', 'konstantinos', 'konstanty', 'kostandin'],
  ['valeriy', 'valerii', 'valeriu', 'walery'],
  ['gennady', 'hennadiy', 'hennadii', 'gennadiy', 'gennadii', 'ghenadie'],
  ['cyril', 'kyrylo', 'kirill', 'kiril', 'kirilo', 'chiril', 'cyryl', 'kyryl'],
  ['matthew', 'matviy', 'matvey', 'matvei', 'matei', 'matewos'],
  ['matthew', 'matyas', 'matej'],
  ['oksana', 'oxana'],
  ['irina', 'iryna', 'irena', 'irene'],
  ['natalie', 'nataliya', 'natalya', 'nataliia', 'natalija'],
  ['tatiana', 'tetiana', 'tatyana', 'tetyana', 'tatjana', 'tatsiana'],
  ['julia', 'yuliya', 'yulia', 'iulia', 'julija', 'yuliia'],
  ['mary', 'mariya', 'mariia'],
  ['anastasia', 'anastasiya', 'anastasiia', 'anastazja', 'anastasija'],
  ['victoria', 'viktoria', 'viktoriya', 'viktoriia', 'wiktoria', 'viktorija'],
  ['christine', 'khrystyna', 'krystyna', 'cristina', 'kristyna', 'krisztina'],
  ['ludmila', 'lyudmila', 'liudmyla', 'lyudmyla', 'liudmila'],
  ['galina', 'halyna'],
  ['olga', 'olha'],
  ['daria', 'darya', 'dariia'],
  ['sophie', 'sofiya', 'sofiia', 'zsofia', 'sofija'],
  ['michaela', 'mihaela', 'michela', 'mikaela'],
  ['jane', 'ioana', 'joana'],
  ['thaddeus', 'tadeusz', 'tadas'],
  ['casimir', 'kazimierz', 'kazimieras', 'kazimir'],
  ['wenceslas', 'vaclav', 'waclaw', 'vaclovas'],
  ['ladislav', 'laszlo', 'wladyslaw', 'ladislaus'],
  ['caroline', 'karolina', 'carolina'],
  ['dorothy', 'dorota', 'dorottya', 'dorothea'],
  ['elizabeth', 'elzbieta', 'alzbeta', 'erzsebet', 'elisabeta', 'elizaveta', 'yelyzaveta', 'yelizaveta'],
  ['theresa', 'teresa', 'terezia', 'tereza'],
  ['ann', 'hanna'],
  ['john', 'janos', 'ioannis'],
  ['anthony', 'antanas', 'antal'],
  ['david', 'deividas', 'dovydas'],
  ['francis', 'frantisek', 'ferenc'],
  ['charles', 'karel', 'karoly'],
  ['gabriel', 'gabor'],
  ['thomas', 'tamas'],
  ['lewis', 'lajos'],
  ['susan', 'zuzana', 'zsuzsanna', 'zuzanna', 'susanna'],
  ['margaret', 'marketa', 'margareta', 'margit'],
  // Albanian forms (xh for j, y for the Arabic u) and the Turkish and Hausa forms of the same Arabic names.
  ['christian', 'kristjan'],
  ['rexhep', 'recep', 'rajab', 'ragab'],
  ['jamal', 'xhemal', 'cemal', 'dzemal', 'jemal'],
  ['jaafar', 'xhafer', 'cafer'],
  ['suleiman', 'sulejman', 'sylejman', 'sulaimon', 'selemon', 'salomon'],
  ['omar', 'ymer', 'umaru'],
  ['yusuf', 'jusuf', 'yosief', 'yusufu', 'joseph'],
  ['haji', 'haxhi'],
  // Tigrinya and Amharic forms of Biblical names, and spellings of compound names.
  ['emmanuel', 'amanuel', 'emanuel', 'immanuel', 'amaniel', 'emanuele'],
  ['isaiah', 'isaias', 'isayas', 'esayas', 'esaias'],
  ['ephraim', 'ephrem', 'efrem', 'afrem'],
  ['nathan', 'natnael', 'nathanael'],
  ['enoch', 'henok', 'henock'],
  ['ermias', 'jeremiah', 'jeremias'],
  ['gebremichael', 'ghebremichael', 'gebremikael'],
  ['gebreyesus', 'ghebreyesus', 'gebreyesos'],
  // Arabic names as romanised in Arabic-speaking countries (Egyptian and Sudanese g for j and q), in Persian and
  // Dari (v for w, e for i), in Urdu and Bengali, and in Kurdish.
  ['mahdi', 'mehdi', 'mahdy', 'mehdy'],
  ['reza', 'raza', 'ridha', 'redha', 'reda'],
  ['jawad', 'javad', 'jawaad'],
  ['hamid', 'hameed', 'hamed'],
  ['mohsen', 'muhsin', 'mohsin'],
  ['rahim', 'raheem'],
  ['nasser', 'naser', 'nasir', 'nassir'],
  ['amir', 'ameer', 'emir'],
  ['farhad', 'ferhat'],
  ['habib', 'habeeb'],
  ['najib', 'najeeb', 'nadjib', 'nagib', 'naguib'],
  ['abdul', 'abdel', 'abdal', 'abdur', 'abdus', 'abdoul', 'abd'],
  ['wael', 'wail'],
  ['hamza', 'hamzah', 'hamze', 'hamzeh'],
  ['zaid', 'zayd', 'zeid'],
  ['ziad', 'ziyad', 'zeyad'],
  ['fadi', 'fady'],
  ['samir', 'sameer'],
  ['majid', 'majeed', 'maged', 'madjid'],
  ['adel', 'adil'],
  ['khalil', 'khaleel', 'halil'],
  ['hisham', 'hesham', 'hicham'],
  ['ihab', 'ehab'],
  ['issam', 'essam', 'isam'],
  ['imad', 'emad'],
  ['muhannad', 'mohanad', 'mohannad', 'muhanad'],
  ['nabil', 'nabeel'],
  ['jamil', 'jameel', 'gamil'],
  ['sharif', 'sherif', 'shareef', 'cherif'],
  ['yasir', 'yasser', 'yaser', 'yassir'],
  ['tayeb', 'tayyib', 'taib', 'tayib'],
  ['haitham', 'haytham', 'heitham'],
  ['anwar', 'anouar', 'enver'],
  ['wahid', 'waheed', 'vahid'],
  ['rafiq', 'rafik', 'rafeeq'],
  ['tawfiq', 'tawfik', 'toufik', 'taufiq', 'tevfik'],
  ['qasim', 'kasim', 'qassem', 'qasem', 'ghasem', 'kassim'],
  ['ghulam', 'gholam', 'golam'],
  ['murtaza', 'morteza', 'murtada', 'mortaza'],
  ['omid', 'umid'],
  ['navid', 'naveed'],
  ['parviz', 'parvez', 'pervez'],
  ['masoud', 'masood', 'masud', 'mesut', 'massoud'],
  ['jalal', 'celal', 'djalal'],
  ['haider', 'haidar', 'hyder', 'heydar', 'haydar', 'heidar'],
  ['kadhim', 'kazem', 'kazim', 'kathim'],
  ['jassim', 'jasim', 'jasem', 'jassem'],
  ['wissam', 'wisam', 'wesam'],
  ['luay', 'louay', 'loay'],
  ['muadh', 'muath', 'moaz', 'mouaz', 'muaz'],
  ['hani', 'hany'],
  ['rami', 'ramy'],
  ['sami', 'samy'],
  ['magdy', 'magdi', 'majdi'],
  ['husam', 'hossam', 'hosam', 'houssam'],
  ['jabir', 'jaber', 'gaber'],
  ['amr', 'amro', 'amru', 'amrou'],
  ['sadiq', 'sadig', 'sadeq', 'sadek'],
  ['siddiq', 'siddig', 'seddik', 'siddique'],
  ['abdelkader', 'abdelgadir', 'abdalgadir'],
  ['isaac', 'ishag', 'ishak', 'isak'],
  ['abdulrahim', 'abdelrahim', 'abdurrahim', 'abdirahim', 'abderrahim'],
  ['abdulrazzaq', 'abdelrazig', 'abdulrazak', 'abdelrazek', 'abdulrazaq'],
  ['abdulkarim', 'abdelkarim', 'abdulkareem', 'abdelkrim', 'abdikarim'],
  ['abdulhamid', 'abdelhamid', 'abdulhameed'],
  ['abdulsalam', 'abdelsalam', 'abdussalam', 'abdisalam', 'abdesselam'],
  ['abdulnasser', 'abdelnasser', 'abdulnasir'],
  ['abdullah', 'abdella', 'abdela', 'abdulahi'],
  ['muhammad', 'mahamat', 'mouhamed', 'muhammet', 'muhammadu', 'mihemed'],
  ['hussein', 'hossain', 'hussien'],
  ['khalid', 'xalid'],
  ['ali', 'aliyu'],
  ['zainab', 'zaynab', 'zeinab', 'zenab', 'zeynep', 'zaineb'],
  ['faisal', 'faysal', 'feisal'],
  ['umair', 'omair', 'umayr'],
  ['zubair', 'zubayr', 'zobair', 'zoubir'],
  ['shoaib', 'shuaib', 'shuayb', 'chouaib'],
  ['saif', 'sayf', 'seif'],
  ['nadeem', 'nadim'],
  ['ridwan', 'rizwan', 'rezwan', 'redouane'],
  ['shahid', 'shaheed'],
  ['tanveer', 'tanvir'],
  ['zeeshan', 'zishan'],
  ['ijaz', 'ejaz', 'aijaz'],
  ['riaz', 'riyaz', 'riyadh', 'riad', 'riyad'],
  ['uddin', 'uddeen', 'eddine', 'eldin', 'eddin'],
  // Punjabi and Hindi names, -deep or -dip and -jit or -jeet as either is written.
  ['sandeep', 'sundeep', 'sandip', 'sundip'],
  ['mandeep', 'mandip'],
  ['pradeep', 'pradip'],
  ['kuldeep', 'kuldip'],
  ['sudeep', 'sudip'],
  ['deepak', 'dipak'],
  ['dilip', 'dileep'],
  ['jagdeep', 'jagdip'],
  ['ranjit', 'ranjeet'],
  ['manjit', 'manjeet'],
  ['harjit', 'harjeet'],
  // Akan day names in their Twi and Fante forms (Kwaku and Kweku, born on a Wednesday).
  ['kwadwo', 'kojo', 'kodwo', 'kwadjo'],
  ['kwabena', 'kobina'],
  ['yaw', 'ekow'],
  ['akua', 'ekua'],
  ['afua', 'efua'],
];

const VARIANT_INDEX: ReadonlyMap<string, readonly number[]> = (() => {
  const index = new Map<string, number[]>();
  VARIANT_GROUPS.forEach((group, id) => {
    for (const spelling of group) {
      const key = foldText(spelling).replace(/ /g, '');
      const ids = index.get(key) ?? [];
      if (!ids.includes(id)) ids.push(id);
      index.set(key, ids);
    }
  });
  return index;
})();

const NO_GROUPS: readonly number[] = [];

/** Ids of the variant groups a name token belongs to (empty when the token is in none). */
export function variantGroups(token: string): readonly number[] {
  return VARIANT_INDEX.get(token) ?? NO_GROUPS;
}

/** A canonical spelling for a token: its first variant group's key, else the token itself. */
export function canonicalToken(token: string): string {
  const groups = VARIANT_INDEX.get(token);
  return groups ? VARIANT_GROUPS[groups[0]][0].replace(/ /g, '') : token;
}

/**
 * Whether two tokens are known spellings of one name: the same canonical key, or a shared variant group. Not
 * through a third spelling: Jack is John, and John is Yohannes, but Jack is not Yohannes; each group lists the
 * spellings it joins.
 */
export function areVariants(a: string, b: string): boolean {
  if (canonicalToken(a) === canonicalToken(b)) return true;
  const ga = VARIANT_INDEX.get(a);
  if (!ga) return false;
  const gb = VARIANT_INDEX.get(b);
  if (!gb) return false;
  for (const g of ga) if (gb.includes(g)) return true;
  return false;
}

// Given names that families give to twins as a pair and that sound alike: Hasan and Husayn, the names of the
// Prophet's twin-like grandsons, given together across the Muslim world. Every romanisation reduces both to one
// phonetic key, so without this a Hassan and a Hussein born the same day at one address would be one person.
const TWIN_NAME_PAIRS: ReadonlyArray<readonly [string, string]> = [['hassan', 'hussein']];

/**
 * Whether two given-name tokens are the two names of a twin pair (any spelling of one against any spelling of
 * the other): two names, not one name spelt two ways, however alike they sound.
 */
export function areTwinNames(a: string, b: string): boolean {
  if (!VARIANT_INDEX.has(a) || !VARIANT_INDEX.has(b)) return false;
  for (const [one, other] of TWIN_NAME_PAIRS) {
    if ((areVariants(a, one) && areVariants(b, other)) || (areVariants(a, other) && areVariants(b, one))) return true;
  }
  return false;
}

// Theophoric openings of Yoruba and Igbo given names ("God's ...") that their bearers drop: Oluwaseun goes by
// Seun, Olusegun by Segun, Chukwuemeka by Emeka.
const DROPPED_PREFIXES = ['oluwa', 'olu', 'chukwu'];

/**
 * Whether one given name is a shortening of the other (Fred / Frederick, Sam / Samuel, Artie / Arthur, Herbie /
 * Herbert): the shorter, less a diminutive ending (-ie, -y, -ey), is at least three letters and begins the longer,
 * which is at least two letters longer. Names that merely share a start (Harry / Harvey, Ella / Ellie) are not.
 * The longer less a dropped theophoric opening (Oluwa-, Olu-, Chukwu-) is a shortening too, when at least four
 * letters remain (Oluchi is not Chi).
 */
export function isShortening(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 3) return false;
  if (short.length >= 4 && DROPPED_PREFIXES.some((p) => long.length === p.length + short.length && long.startsWith(p) && long.endsWith(short))) return true;
  const stem = short.length > 4 ? short.replace(/(ie|ey|y)$/, '') : short;
  return stem.length >= 3 && long.length >= stem.length + 2 && long.startsWith(stem);
}

// Nationalities whose names are written family name first (Vietnamese, Chinese, Korean, Cambodian, Hungarian).
const FAMILY_NAME_FIRST = new Set(['VNM', 'CHN', 'TWN', 'HKG', 'MAC', 'KOR', 'PRK', 'KHM']);
// Nationalities where the second name is the father's given name, not a family name (Eritrean, Ethiopian,
// Sudanese, Somali, Icelandic patronymics): the "surname" field of one record can be the grandfather's name
// in another.
const PATRONYMIC = new Set(['ERI', 'ETH', 'SDN', 'SSD', 'SOM', 'ISL']);

// Common family names of family-name-first nationalities, to spot a record keyed with the order reversed.
const KNOWN_FAMILY_NAMES = new Set([
  'nguyen',
  'tran',
  'le',
  'pham',
  'hoang',
  'huynh',
  'phan',
  'vu',
  'vo',
  'dang',
  'bui',
  'do',
  'ho',
  'ngo',
  'duong',
  'ly',
  'dinh',
  'trinh',
  'truong',
  'mai',
  'luong',
  'lam',
  'cao',
  'ta',
  'quach',
  'kieu',
  'wang',
  'li',
  'zhang',
  'liu',
  'chen',
  'yang',
  'huang',
  'zhao',
  'wu',
  'zhou',
  'xu',
  'sun',
  'ma',
  'zhu',
  'hu',
  'guo',
  'he',
  'lin',
  'gao',
  'luo',
  'zheng',
  'liang',
  'xie',
  'song',
  'tang',
  'han',
  'feng',
  'deng',
  'cao',
  'peng',
  'zeng',
  'xiao',
  'tian',
  'dong',
  'pan',
  'yuan',
  'cai',
  'jiang',
  'yu',
  'du',
  'ye',
  'cheng',
  'wei',
  'kim',
  'park',
  'choi',
  'jung',
  'kang',
  'cho',
  'yoon',
  'jang',
  'lim',
  'shin',
]);

export function writesFamilyNameFirst(alpha3: string | undefined): boolean {
  return alpha3 !== undefined && FAMILY_NAME_FIRST.has(alpha3);
}

export function usesPatronymics(alpha3: string | undefined): boolean {
  return alpha3 !== undefined && PATRONYMIC.has(alpha3);
}

export function isKnownFamilyName(token: string): boolean {
  return KNOWN_FAMILY_NAMES.has(token);
}

/** A person's name as the comparisons see it. */
export interface PersonName {
  /** Given-name tokens, first (the name the person is called by) first. */
  readonly given: readonly string[];
  /** Family-name tokens; for patronymic naming, the father's (and grandfather's) given names. */
  readonly family: readonly string[];
  /** Middle-name tokens as recorded separately. */
  readonly middle: readonly string[];
}

/**
 * Reads a name as recorded into given and family parts, undoing the usual ways legacy records get it wrong:
 * a whole name in one field, and family-name-first names keyed in the Western order.
 */
export function parseName(
  first: string | null | undefined,
  middle: string | null | undefined,
  last: string | null | undefined,
  nationality: string | undefined,
): PersonName {
  let given = nameTokens(first);
  let family = nameTokens(last);
  let middleTokens = nameTokens(middle);
  if (given.length === 0 && middleTokens.length > 0) {
    // No first name (or only a title in it) but middle names recorded: the first of them is the name in use.
    given = middleTokens.slice(0, 1);
    middleTokens = middleTokens.slice(1);
  }
  const familyFirst = writesFamilyNameFirst(nationality);
  if (family.length === 0 && given.length >= 2) {
    // One field holds the whole name: split it the way the person's naming convention writes it.
    if (familyFirst) {
      family = given.slice(0, 1);
      given = given.slice(1);
    } else if (!usesPatronymics(nationality)) {
      family = given.slice(-1);
      given = given.slice(0, -1);
    } else {
      family = given.slice(1);
      given = given.slice(0, 1);
    }
  } else if (given.length === 0 && family.length >= 2 && familyFirst) {
    given = family.slice(1);
    family = family.slice(0, 1);
  } else if (familyFirst && given.length > 0 && family.length > 0) {
    // "Nguyen Van Nam" keyed as first "Nguyen", last "Van Nam": the known family name is in the wrong field.
    if (isKnownFamilyName(given[0]) && !family.some(isKnownFamilyName)) {
      const swapped = given;
      given = family;
      family = swapped;
    }
  }
  if (usesPatronymics(nationality) && given.length >= 2) {
    // "Yonas Tesfay" / "Gebremedhin": the second given token is the father's name, part of the patronymic chain.
    family = [...given.slice(1), ...family];
    given = given.slice(0, 1);
  }
  return { given, family, middle: middleTokens };
}

/** Name tokens as strings for comparison: joined without spaces so "Abdul Rahman" equals "Abdulrahman". */
export interface NameKey {
  readonly joined: string;
  readonly first: string;
  readonly tokens: readonly string[];
  readonly canonical: string;
  readonly skeleton: string;
  readonly phonetic: string;
}

export function nameKey(tokens: readonly string[]): NameKey | null {
  if (tokens.length === 0) return null;
  const joined = tokens.join('');
  return {
    joined,
    first: tokens[0],
    tokens,
    canonical: tokens.map(canonicalToken).join(''),
    skeleton: romanisationSkeleton(joined),
    // Every informative token's key: "Van Long" and "Van Hieu" must not sound alike through the shared "Van".
    phonetic: tokens.map(nysiis).join(' '),
  };
}
