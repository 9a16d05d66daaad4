import { areTwinNames, areVariants, canonicalToken, foldText, isShortening, nameTokens, parseName } from './names';

describe('foldText', () => {
  it('drops diacritics, joins apostrophes and splits on hyphens', () => {
    expect(foldText('Nguyễn')).toBe('nguyen');
    expect(foldText("O'Brien")).toBe('obrien');
    expect(foldText('Smith-Jones')).toBe('smith jones');
    expect(foldText('Çela')).toBe('cela');
    expect(foldText('Wiśniewski')).toBe('wisniewski');
  });
});

describe('nameTokens', () => {
  it('leaves out titles and honorifics', () => {
    expect(nameTokens('Sir George')).toEqual(['george']);
    expect(nameTokens('Mrs. Jane')).toEqual(['jane']);
  });
  it('leaves out title ordinals, generational suffixes and territorial "of"', () => {
    expect(nameTokens('Thomas Clifford, 1st Baron Clifford of Chudleigh')).toEqual(['thomas', 'clifford', 'clifford', 'chudleigh']);
    expect(nameTokens('Hon. John Smith III')).toEqual(['john', 'smith']);
  });
});

describe('variants', () => {
  it('knows transliterations and diminutives', () => {
    expect(areVariants('mohammed', 'muhammad')).toBe(true);
    expect(areVariants('mohamed', 'mohammad')).toBe(true);
    expect(areVariants('ali', 'aly')).toBe(true);
    expect(areVariants('robert', 'bob')).toBe(true);
    expect(areVariants('john', 'james')).toBe(false);
    expect(canonicalToken('muhammed')).toBe('muhammad');
  });
  it('knows the same name in other languages', () => {
    expect(areVariants('jan', 'john')).toBe(true);
    expect(areVariants('gwilym', 'william')).toBe(true);
    expect(areVariants('karl', 'charles')).toBe(true);
    expect(areVariants('harold', 'henry')).toBe(false);
  });
  it('knows one name across Arabic, Tigrinya, Polish and English, also through a spelling of it', () => {
    expect(areVariants('ibrahim', 'abraham')).toBe(true);
    expect(areVariants('yousif', 'joseph')).toBe(true);
    expect(areVariants('biniam', 'benjamin')).toBe(true);
    expect(areVariants('krzysztof', 'kristof')).toBe(true);
    expect(areVariants('marcin', 'martin')).toBe(true);
    expect(areVariants('yousif', 'musa')).toBe(false);
    // Not through a third spelling: Jack is John, but not every form John takes elsewhere.
    expect(areVariants('jack', 'yohannes')).toBe(false);
    expect(areVariants('joe', 'youssef')).toBe(false);
  });
  it('knows the abbreviations of Muhammad keyed on forms', () => {
    expect(areVariants('mhd', 'mohammed')).toBe(true);
    expect(areVariants('muhd', 'muhammad')).toBe(true);
    expect(areVariants('mhd', 'mahmoud')).toBe(false);
  });
  // One line for each group added on 7 December 2026: a spelling, a spelling it is now joined to, and a near name
  // (a feminine form, a sibling's name, a name that only sounds alike) that stays apart.
  it.each([
    // Ukrainian, Russian, Bulgarian and Moldovan; Czech, Slovak, Polish, Lithuanian and Hungarian
    ['oleksandr', 'alexander', 'oleksandra'],
    ['oleksiy', 'alexei', 'oleksandr'],
    ['serhiy', 'sergei', 'andriy'],
    ['dmytro', 'dmitriy', 'dima'],
    ['volodymyr', 'vladimir', 'vladislav'],
    ['yuriy', 'yuri', 'george'],
    ['gyorgy', 'george', 'yuriy'],
    ['andriy', 'andrew', 'andrea'],
    ['mykhailo', 'michael', 'mykola'],
    ['mykola', 'nicholas', 'mykolas'],
    ['yekaterina', 'catherine', 'karina'],
    ['ilya', 'elijah', 'ilona'],
    ['petro', 'peter', 'petra'],
    ['pavlo', 'paul', 'paula'],
    ['vasiliy', 'basil', 'vasilisa'],
    ['yevhen', 'eugene', 'yevheniia'],
    ['oleh', 'oleg', 'olga'],
    ['olena', 'helen', 'olga'],
    ['vitaliy', 'vitaly', 'vitalina'],
    ['maksym', 'maxim', 'maxine'],
    ['denys', 'dennis', 'denisa'],
    ['artyom', 'artem', 'artur'],
    ['yaroslav', 'jaroslaw', 'yaroslava'],
    ['hryhoriy', 'gregory', 'heorhiy'],
    ['fedir', 'theodore', 'teodora'],
    ['yakiv', 'jacob', 'james'],
    ['ihor', 'igor', 'ivor'],
    ['yosyp', 'joseph', 'josephine'],
    ['istvan', 'stephen', 'stephanie'],
    ['kostiantyn', 'constantine', 'constance'],
    ['valeriu', 'valeriy', 'valeria'],
    ['hennadiy', 'gennady', 'galina'],
    ['kyrylo', 'cyril', 'kyra'],
    ['matvey', 'matthew', 'martin'],
    ['matyas', 'matthias', 'maciej'],
    ['oxana', 'oksana', 'roksana'],
    ['iryna', 'irina', 'irma'],
    ['nataliya', 'natalie', 'nadiya'],
    ['tetiana', 'tatiana', 'tamara'],
    ['yuliya', 'julia', 'julian'],
    ['mariya', 'mary', 'marina'],
    ['anastasiya', 'anastasia', 'anastasios'],
    ['viktoriya', 'victoria', 'viktor'],
    ['khrystyna', 'christine', 'christian'],
    ['lyudmila', 'ludmila', 'lyubov'],
    ['halyna', 'galina', 'hanna'],
    ['olha', 'olga', 'olena'],
    ['darya', 'daria', 'dario'],
    ['sofiya', 'sophie', 'sonia'],
    ['mihaela', 'michaela', 'mihai'],
    ['ioana', 'joanna', 'ana'],
    ['tadeusz', 'thaddeus', 'tamas'],
    ['kazimierz', 'casimir', 'kazimiera'],
    ['vaclav', 'wenceslas', 'vladislav'],
    ['laszlo', 'ladislav', 'vladislav'],
    ['karolina', 'caroline', 'karol'],
    ['dorota', 'dorothy', 'dora'],
    ['elzbieta', 'elizabeth', 'elena'],
    ['teresa', 'theresa', 'teodora'],
    ['hanna', 'anna', 'hana'],
    ['janos', 'john', 'jana'],
    ['antanas', 'anthony', 'antonina'],
    ['dovydas', 'david', 'daniel'],
    ['ferenc', 'francis', 'frances'],
    ['karoly', 'charles', 'karolina'],
    ['gabor', 'gabriel', 'gabriela'],
    ['tamas', 'thomas', 'tamara'],
    ['lajos', 'lewis', 'louise'],
    ['zuzana', 'susan', 'jana'],
    ['marketa', 'margaret', 'marta'],
    // Albanian, Turkish and Hausa forms
    ['kristjan', 'christian', 'kristina'],
    ['rexhep', 'rajab', 'ragheb'],
    ['xhemal', 'jamal', 'jamil'],
    ['xhafer', 'jaafar', 'jaber'],
    ['sulejman', 'suleiman', 'salman'],
    ['ymer', 'omar', 'amr'],
    ['yosief', 'joseph', 'yonas'],
    ['haxhi', 'haji', 'hajar'],
    // Tigrinya and Amharic
    ['amanuel', 'emmanuel', 'emmanuelle'],
    ['isayas', 'isaiah', 'isa'],
    ['efrem', 'ephraim', 'ermias'],
    ['natnael', 'nathaniel', 'nahom'],
    ['henok', 'enoch', 'henry'],
    ['ermias', 'jeremiah', 'jeremy'],
    ['ghebremichael', 'gebremichael', 'gebremariam'],
    ['ghebreyesus', 'gebreyesus', 'gebremedhin'],
    // Arabic, Persian, Dari, Urdu, Bengali and Kurdish romanisations
    ['mehdi', 'mahdi', 'mahmoud'],
    ['reza', 'ridha', 'rida'],
    ['javad', 'jawad', 'javed'],
    ['hameed', 'hamid', 'hamad'],
    ['muhsin', 'mohsen', 'mahsa'],
    ['raheem', 'rahim', 'rahima'],
    ['nasir', 'nasser', 'naseer'],
    ['emir', 'amir', 'amira'],
    ['ferhat', 'farhad', 'farah'],
    ['habeeb', 'habib', 'habiba'],
    ['nagib', 'najib', 'najiba'],
    ['abdel', 'abdul', 'abdi'],
    ['wail', 'wael', 'wafa'],
    ['hamzah', 'hamza', 'hamid'],
    ['zayd', 'zaid', 'ziad'],
    ['ziyad', 'ziad', 'zayed'],
    ['fady', 'fadi', 'fadia'],
    ['sameer', 'samir', 'samira'],
    ['maged', 'majid', 'majida'],
    ['adil', 'adel', 'adela'],
    ['halil', 'khalil', 'khalid'],
    ['hesham', 'hisham', 'hashim'],
    ['ehab', 'ihab', 'ihsan'],
    ['essam', 'issam', 'hossam'],
    ['emad', 'imad', 'iman'],
    ['mohanad', 'muhannad', 'mohammed'],
    ['nabeel', 'nabil', 'nabila'],
    ['gamil', 'jamil', 'jamal'],
    ['sherif', 'sharif', 'sharifa'],
    ['yasser', 'yasir', 'yasin'],
    ['tayyib', 'tayeb', 'taha'],
    ['haytham', 'haitham', 'hatem'],
    ['enver', 'anwar', 'anas'],
    ['vahid', 'wahid', 'wahida'],
    ['rafik', 'rafiq', 'rafael'],
    ['toufik', 'tawfiq', 'tariq'],
    ['ghasem', 'qasim', 'jassim'],
    ['gholam', 'ghulam', 'gul'],
    ['morteza', 'murtaza', 'mustafa'],
    ['umid', 'omid', 'omar'],
    ['naveed', 'navid', 'nadia'],
    ['pervez', 'parviz', 'parveen'],
    ['mesut', 'masoud', 'mahmoud'],
    ['celal', 'jalal', 'jamal'],
    ['hyder', 'haider', 'hadi'],
    ['kazem', 'kadhim', 'karim'],
    ['jasim', 'jassim', 'qasim'],
    ['wesam', 'wissam', 'wisal'],
    ['louay', 'luay', 'lina'],
    ['moaz', 'muadh', 'moataz'],
    ['hany', 'hani', 'hana'],
    ['ramy', 'rami', 'rima'],
    ['samy', 'sami', 'samia'],
    ['majdi', 'magdy', 'magda'],
    ['hossam', 'husam', 'hussein'],
    ['gaber', 'jabir', 'gabriel'],
    ['amro', 'amr', 'omar'],
    ['sadig', 'sadiq', 'siddiq'],
    ['seddik', 'siddiq', 'sadek'],
    ['abdelgadir', 'abdelkader', 'abdelkarim'],
    ['ishag', 'isaac', 'isa'],
    ['abdurrahim', 'abdulrahim', 'abdulrahman'],
    ['abdelrazig', 'abdulrazzaq', 'abdulaziz'],
    ['abdelkrim', 'abdulkarim', 'abdulkadir'],
    ['abdelhamid', 'abdulhamid', 'abdulahad'],
    ['abdussalam', 'abdulsalam', 'abdullah'],
    ['abdelnasser', 'abdulnasser', 'abdelnour'],
    ['abdella', 'abdullah', 'abdelilah'],
    ['mahamat', 'muhammad', 'mahmoud'],
    ['hossain', 'hussein', 'hassan'],
    ['xalid', 'khalid', 'khalil'],
    ['aliyu', 'ali', 'alia'],
    ['zeinab', 'zainab', 'zain'],
    ['faysal', 'faisal', 'fazal'],
    ['omair', 'umair', 'omar'],
    ['zoubir', 'zubair', 'zuhair'],
    ['shuaib', 'shoaib', 'sohaib'],
    ['sayf', 'saif', 'saeed'],
    ['nadim', 'nadeem', 'nadia'],
    ['rizwan', 'ridwan', 'rizwana'],
    ['shaheed', 'shahid', 'shahida'],
    ['tanvir', 'tanveer', 'tanvi'],
    ['zishan', 'zeeshan', 'zeenat'],
    ['ejaz', 'ijaz', 'imtiaz'],
    ['riyadh', 'riaz', 'reza'],
    ['eddine', 'uddin', 'eddie'],
    // Punjabi and Hindi
    ['sundip', 'sandeep', 'sudeep'],
    ['mandip', 'mandeep', 'amandeep'],
    ['pradip', 'pradeep', 'pramod'],
    ['kuldip', 'kuldeep', 'kuljit'],
    ['sudip', 'sudeep', 'sandeep'],
    ['dipak', 'deepak', 'deepa'],
    ['dileep', 'dilip', 'deepak'],
    ['jagdip', 'jagdeep', 'jagjit'],
    ['ranjeet', 'ranjit', 'ranjana'],
    ['manjeet', 'manjit', 'mandeep'],
    ['harjeet', 'harjit', 'harpreet'],
    // Akan day names, Twi and Fante
    ['kojo', 'kwadwo', 'kwaku'],
    ['kobina', 'kwabena', 'kwame'],
    ['ekow', 'yaw', 'kofi'],
    ['ekua', 'akua', 'akosua'],
    ['efua', 'afua', 'ama'],
  ])('knows %s as %s, and not as %s', (spelling, joined, apart) => {
    expect(areVariants(spelling, joined)).toBe(true);
    expect(areVariants(spelling, apart)).toBe(false);
  });
  it('gave no earlier spelling a new canonical key, and keeps Hossain and Hassan twins apart', () => {
    expect(canonicalToken('aleksandr')).toBe('alexandru');
    expect(canonicalToken('jonas')).toBe('yonas');
    expect(canonicalToken('mihaly')).toBe('mihai');
    expect(canonicalToken('petro')).toBe('peter');
    // A new spelling takes the key of the name it spells, so it blocks beside it.
    expect(canonicalToken('natnael')).toBe(canonicalToken('nathaniel'));
    expect(canonicalToken('ioana')).toBe(canonicalToken('joanna'));
    expect(canonicalToken('matej')).toBe(canonicalToken('matthias'));
    expect(areVariants('jonas', 'john')).toBe(false);
    expect(areVariants('ilie', 'ilyas')).toBe(true);
    expect(areTwinNames('hossain', 'hassan')).toBe(true);
  });
});

describe('isShortening', () => {
  it('holds for a given name cut short, with or without a diminutive ending', () => {
    expect(isShortening('fred', 'frederick')).toBe(true);
    expect(isShortening('artie', 'arthur')).toBe(true);
    expect(isShortening('samuel', 'sam')).toBe(true);
  });
  it('does not hold for names that only share a start or are too short', () => {
    expect(isShortening('harry', 'harvey')).toBe(false);
    expect(isShortening('ella', 'ellie')).toBe(false);
    expect(isShortening('al', 'alfred')).toBe(false);
  });
  it('holds for a Yoruba or Igbo name without its theophoric opening, and only for that opening', () => {
    expect(isShortening('emeka', 'chukwuemeka')).toBe(true);
    expect(isShortening('oluwaseun', 'seun')).toBe(true);
    expect(isShortening('segun', 'olusegun')).toBe(true);
    expect(isShortening('emeka', 'chukwudi')).toBe(false);
    expect(isShortening('emeka', 'obiemeka')).toBe(false);
    expect(isShortening('chi', 'oluchi')).toBe(false);
  });
});

describe('parseName', () => {
  it('reads a Vietnamese name keyed family-name-first in the first-name field', () => {
    expect(parseName('Nguyen', null, 'Van Nam', 'VNM')).toEqual({ given: ['van', 'nam'], family: ['nguyen'], middle: [] });
  });
  it('splits a whole Vietnamese name in one field family name first', () => {
    expect(parseName('Nguyễn Van Nam', null, null, 'VNM')).toEqual({ given: ['van', 'nam'], family: ['nguyen'], middle: [] });
  });
  it('splits a whole Western name in one field family name last', () => {
    expect(parseName('John Smith', null, null, 'GBR')).toEqual({ given: ['john'], family: ['smith'], middle: [] });
  });
  it('keeps an Eritrean patronymic chain together as the family part', () => {
    expect(parseName('Yonas Tesfay', null, 'Gebremedhin', 'ERI')).toEqual({
      given: ['yonas'],
      family: ['tesfay', 'gebremedhin'],
      middle: [],
    });
  });
  it('takes the first middle name as the given name when there is no first name', () => {
    expect(parseName('Hon.', 'John', 'Collier', 'GBR')).toEqual({ given: ['john'], family: ['collier'], middle: [] });
  });
  it('leaves a Western name in its fields', () => {
    expect(parseName('Le', null, 'Smith', 'GBR')).toEqual({ given: ['le'], family: ['smith'], middle: [] });
  });
});
