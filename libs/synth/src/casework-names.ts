/**
 * Name data for the casework generator (see `casework.ts`), written from published name statistics rather
 * than from the matching engine: head names carry their published or rank-based share, and every pool has a
 * long tail of rarer names built from syllables, so that a few names are very common and most are rare.
 * Sources are listed in docs/linkage-evaluation.md.
 */

/** A name with its share of the pool (any unit; shares are normalised per pool). */
export type Weighted = readonly [name: string, share: number];

export interface NamePool {
  /** The most common names, most common first. Bare strings get a Zipf weight from their rank. */
  readonly head: readonly (string | Weighted)[];
  /** Share of the pool drawn from the long tail instead of the head. */
  readonly tailShare: number;
  /** Syllables the tail is built from: one from each list, in order. */
  readonly tail: readonly (readonly string[])[];
}

export interface Culture {
  readonly key: string;
  readonly male: NamePool;
  readonly female: NamePool;
  /** Family names; absent where the second name is the father's given name (patronymic naming). */
  readonly family?: NamePool;
  /** How the name is usually written at home: a clerk may keep that order or turn it round. */
  readonly familyFirst: boolean;
  /** Romanised forms and cross-language equivalents one person's name is found under (both ways). */
  readonly forms: Readonly<Record<string, readonly string[]>>;
  /** A name between given and family name shared by many (Vietnamese Văn and Thị), per sex. */
  readonly sexMiddle?: { readonly male: Weighted[]; readonly female: Weighted[] };
}

const ARABIC_MALE: (string | Weighted)[] = [
  ['Mohammed', 8], 'Ahmed', 'Ali', 'Abdelrahman', 'Osman', 'Ibrahim', 'Adam', 'Hassan', 'Hussein', 'Yousif', 'Omer', 'Khalid',
  'Abdalla', 'Musa', 'Ismail', 'Mustafa', 'Idris', 'Hamid', 'Salih', 'Babiker', 'Elsadig', 'Abubakar', 'Yahya', 'Suleiman',
];
const ARABIC_FORMS: Record<string, string[]> = {
  Mohammed: ['Muhammad', 'Mohamed', 'Mohammad', 'Mohamad', 'Mhd'],
  Ahmed: ['Ahmad', 'Ahmet'],
  Abdelrahman: ['Abdulrahman', 'Abdel Rahman', 'Abdurahman'],
  Osman: ['Othman', 'Usman'],
  Yousif: ['Yusuf', 'Youssef', 'Joseph'],
  Omer: ['Omar', 'Umar'],
  Abdalla: ['Abdullah', 'Abdallah'],
  Musa: ['Moussa', 'Moses'],
  Ibrahim: ['Ebrahim', 'Abraham'],
  Hussein: ['Hussain', 'Husein'],
  Suleiman: ['Sulaiman', 'Solomon'],
  Yahya: ['Yehia', 'John'],
  Salih: ['Saleh'],
  Fatima: ['Fatma', 'Fatimah'],
  Aisha: ['Aysha', 'Ayesha'],
  Mariam: ['Maryam', 'Mary'],
};

/** Every culture the generator draws people from. */
export const CULTURES: Readonly<Record<string, Culture>> = {
  british: {
    key: 'british',
    familyFirst: false,
    male: {
      head: ['Jack', 'Thomas', 'Joshua', 'James', 'Daniel', 'Harry', 'Samuel', 'Joseph', 'Oliver', 'Callum', 'Liam', 'Connor', 'Ryan',
        'Lewis', 'Kyle', 'Jordan', 'Luke', 'Bradley', 'Ethan', 'Kieran', 'Reece', 'Jake', 'Nathan', 'Adam', 'Tyler', 'Charlie', 'Alfie',
        'Dylan', 'Aaron', 'Mohammed', 'William', 'Matthew', 'Jamie', 'Cameron', 'Owen', 'Ben', 'George', 'Lucas', 'Mason', 'Leo'],
      tailShare: 0.15,
      tail: [['Al', 'Bro', 'Cal', 'Dar', 'El', 'Fin', 'Gar', 'Har', 'Jas', 'Ken', 'Lor', 'Mar', 'Nor', 'Ros', 'Ter', 'Wil'], ['den', 'ley', 'ton', 'ric', 'vin', 'ian', 'ford', 'ey']],
    },
    female: {
      head: ['Chloe', 'Emily', 'Jessica', 'Sophie', 'Megan', 'Lauren', 'Hannah', 'Olivia', 'Ellie', 'Charlotte', 'Amy', 'Holly', 'Grace',
        'Rebecca', 'Bethany', 'Shannon', 'Jade', 'Courtney', 'Leah', 'Paige', 'Abbie', 'Amelia', 'Lily', 'Ruby', 'Mia', 'Chelsea',
        'Georgia', 'Katie', 'Phoebe', 'Evie', 'Summer', 'Danielle', 'Natasha', 'Kayleigh', 'Toni', 'Demi', 'Aimee', 'Zoe'],
      tailShare: 0.15,
      tail: [['Ad', 'Bel', 'Car', 'Del', 'El', 'Fay', 'Jan', 'Kel', 'Lin', 'Mar', 'Rosa', 'Sha', 'Tam', 'Vi'], ['a', 'ina', 'ene', 'ie', 'isha', 'ette', 'lyn', 'anne']],
    },
    family: {
      // Surnames of England and Wales: Smith about 1.3%, a long tail below the top hundred.
      head: [['Smith', 13], ['Jones', 10], ['Williams', 7.5], ['Taylor', 6], ['Brown', 5.8], ['Davies', 5.5], ['Evans', 4.2], ['Wilson', 3.9], ['Thomas', 3.8],
        ['Johnson', 3.7], ['Roberts', 3.6], 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris',
        'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker',
        'Harrison', 'Morgan', 'Allen', 'James', 'Scott', 'Phillips', 'Watson', 'Davis', 'Parker', 'Price', 'Bennett', 'Young', 'Griffiths',
        'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins', 'Bell', 'Shaw', 'Murphy', 'Miller', 'Cox', 'Khan', 'Begum'],
      tailShare: 0.55,
      tail: [['Ash', 'Brad', 'Brook', 'Chad', 'Cran', 'Dun', 'Fair', 'Hart', 'Holm', 'Kirk', 'Lang', 'Mar', 'Pen', 'Rad', 'Stan', 'Thorn', 'Wal', 'Whit', 'Ald', 'Bram'],
        ['by', 'combe', 'ford', 'ham', 'ley', 'more', 'ridge', 'stone', 'ton', 'well', 'wick', 'worth', 'field', 'den']],
    },
    forms: {
      Daniel: ['Danny', 'Dan'], Joshua: ['Josh'], Samuel: ['Sam'], Joseph: ['Joe'], Matthew: ['Matt'], Thomas: ['Tom'], William: ['Will', 'Billy'],
      James: ['Jim', 'Jamie'], Rebecca: ['Becky'], Bethany: ['Beth'], Katie: ['Catherine', 'Kate'], Natasha: ['Tash'], Jessica: ['Jess'],
      Mohammed: ['Muhammad', 'Mohamed'], Charlotte: ['Lottie'], Benjamin: ['Ben'], Abbie: ['Abigail', 'Abby'],
    },
  },
  albanian: {
    key: 'albanian',
    familyFirst: false,
    male: {
      head: ['Ardit', 'Erion', 'Klodian', 'Arben', 'Elton', 'Besnik', 'Dritan', 'Gentian', 'Florian', 'Endrit', 'Kristian', 'Mario', 'Arlind',
        'Redon', 'Erald', 'Fatjon', 'Armando', 'Denis', 'Klevis', 'Olsi', 'Ervis', 'Indrit', 'Jurgen', 'Xhuljo', 'Marsel', 'Amarildo', 'Ledio',
        'Sokol', 'Alban', 'Ermal', 'Aldo', 'Enea', 'Renato', 'Kevin', 'Erjon'],
      tailShare: 0.25,
      tail: [['Ar', 'Bler', 'Dor', 'El', 'Gaz', 'Kle', 'Lul', 'Mer', 'Sken', 'Vas', 'Dash', 'Fat', 'Ilir', 'Agr'], ['jan', 'tim', 'ion', 'ald', 'der', 'im', 'on', 'ent']],
    },
    female: {
      head: ['Elona', 'Anxhela', 'Ermira', 'Klea', 'Jonida', 'Ornela', 'Kejsi', 'Dorina', 'Enkeleda', 'Xhesika', 'Alketa', 'Blerina', 'Arjola',
        'Migena', 'Elisa', 'Sara', 'Megi', 'Era', 'Fjorela', 'Brikena', 'Ledia', 'Esmeralda'],
      tailShare: 0.25,
      tail: [['Ar', 'Bes', 'Dri', 'Eri', 'Flor', 'Ili', 'Lum', 'Mir', 'Ron', 'Vjo'], ['ana', 'eta', 'ida', 'ona', 'ela', 'ina', 'jeta']],
    },
    family: {
      head: ['Hoxha', 'Shehu', 'Gjoka', 'Prifti', 'Leka', 'Dervishi', 'Çela', 'Kola', 'Hysa', 'Marku', 'Doda', 'Gashi', 'Krasniqi', 'Berisha',
        'Xhaferi', 'Muça', 'Brahimi', 'Luli', 'Basha', 'Hasani', 'Rama', 'Lika', 'Meta', 'Kurti', 'Duka', 'Shkurti', 'Toska', 'Bregu', 'Zeneli',
        'Halili', 'Lleshi', 'Ndreu', 'Kapllani', 'Mema', 'Tafa'],
      tailShare: 0.35,
      tail: [['Ba', 'Ce', 'Dra', 'Gje', 'Ha', 'Ko', 'Ma', 'Ndo', 'Pre', 'Sha', 'Ta', 'Xhe', 'Zy'], ['llaj', 'naj', 'ku', 'rri', 'shi', 'lla', 'ni', 'daj', 'mani']],
    },
    forms: {
      Xhesika: ['Jessica'], Anxhela: ['Angela', 'Anjela'], Xhuljo: ['Julio', 'Giulio'], Kristian: ['Christian', 'Cristian'], Klodian: ['Claudian', 'Klodjan'],
      Erion: ['Erjon'], Erjon: ['Erion'], Florian: ['Florjan'], Ermal: ['Hermal'], Jurgen: ['Jurgen', 'Yurgen'], Denis: ['Dennis'], 'Çela': ['Cela', 'Chela'],
      'Muça': ['Muca', 'Mucha'], Hoxha: ['Hoja', 'Hodja'], Elisa: ['Eliza'], Enea: ['Aeneas'],
    },
  },
  vietnamese: {
    key: 'vietnamese',
    familyFirst: true,
    male: {
      head: ['Anh', 'Hùng', 'Dũng', 'Tuấn', 'Minh', 'Nam', 'Hải', 'Long', 'Phong', 'Quân', 'Huy', 'Đức', 'Thắng', 'Tùng', 'Sơn', 'Cường', 'Hiếu',
        'Trung', 'Khoa', 'Việt', 'Bảo', 'Duy', 'Lâm', 'Thành', 'Hoàng', 'Tài', 'Vinh', 'Phúc'],
      tailShare: 0.1,
      tail: [['Kh', 'Ng', 'Th', 'Tr', 'Ph', 'Qu'], ['ánh', 'iên', 'ương', 'ắc', 'ịnh', 'ông']],
    },
    female: {
      head: ['Linh', 'Trang', 'Hương', 'Lan', 'Hoa', 'Mai', 'Ngọc', 'Thảo', 'Hằng', 'Nhung', 'Phương', 'Vy', 'Nga', 'Huyền', 'Yến', 'Hạnh',
        'Thúy', 'Hà', 'Dung', 'Loan', 'Thu', 'Quỳnh'],
      tailShare: 0.1,
      tail: [['Kh', 'Ng', 'Th', 'Tr', 'Ph', 'Di'], ['uyên', 'iệp', 'ơ', 'ân', 'ùy', 'ên']],
    },
    family: {
      // Nguyễn is borne by about 38% of Vietnamese people, the top fourteen by about nine in ten.
      head: [['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7.1], ['Hoàng', 5.1], ['Phan', 4.5], ['Vũ', 3.9], ['Đặng', 2.1], ['Bùi', 2],
        ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5]],
      tailShare: 0.08,
      tail: [['Đ', 'L', 'M', 'T', 'V', 'Kh', 'Qu'], ['inh', 'ương', 'ạch', 'ao', 'ông', 'iêu']],
    },
    sexMiddle: { male: [['Văn', 45], ['Đức', 8], ['Minh', 8], ['Quang', 6], ['Hữu', 6], ['Thanh', 5], ['Xuân', 3]], female: [['Thị', 60], ['Ngọc', 8], ['Thu', 5], ['Thanh', 5], ['Kim', 4]] },
    forms: { Nguyễn: ['Nguyen', 'Nguyên', 'Ngyuen'], Trần: ['Tran'], Phạm: ['Pham'], Vũ: ['Vu', 'Vo'], Đặng: ['Dang'], Đỗ: ['Do'], Hồ: ['Ho'], Lý: ['Ly', 'Lee'] },
  },
  eritrean: {
    key: 'eritrean',
    familyFirst: false,
    male: {
      head: ['Yonas', 'Tesfay', 'Mehari', 'Dawit', 'Samuel', 'Habtom', 'Filmon', 'Kibrom', 'Berhane', 'Abraham', 'Tekle', 'Goitom', 'Yohannes',
        'Mulugeta', 'Awet', 'Merhawi', 'Biniam', 'Henok', 'Robel', 'Aron', 'Senay', 'Tesfalem', 'Mikiele', 'Efrem', 'Haile', 'Ghebre', 'Amanuel',
        'Weldu', 'Tewelde', 'Kidane', 'Solomon', 'Daniel'],
      tailShare: 0.2,
      tail: [['Ab', 'Ber', 'Fits', 'Gher', 'Hab', 'Kes', 'Mes', 'Tes', 'Wel', 'Zer'], ['hane', 'tom', 'um', 'ai', 'gis', 'ezgi', 'aselassie', 'ay']],
    },
    female: {
      head: ['Helen', 'Selam', 'Senait', 'Saba', 'Lidia', 'Yordanos', 'Rahel', 'Feven', 'Luwam', 'Winta', 'Segen', 'Hiwet', 'Mebrat', 'Tsega',
        'Eden', 'Ruta', 'Semhar', 'Aster', 'Mehret', 'Elsa'],
      tailShare: 0.2,
      tail: [['Ab', 'Fre', 'Hel', 'Mer', 'Nig', 'Sel', 'Tsi', 'Yo'], ['et', 'sti', 'ina', 'hiwet', 'lam', 'dan']],
    },
    forms: {
      Yohannes: ['Johannes', 'Yohanes', 'John'], Tesfay: ['Tesfai', 'Tesfaye'], Ghebre: ['Gebre', 'Ghebray'], Tekle: ['Teklay', 'Tekleh'],
      Mikiele: ['Michael', 'Mikael'], Abraham: ['Abrham', 'Ibrahim'], Dawit: ['David', 'Dawid'], Filmon: ['Philemon', 'Filimon'],
      Yonas: ['Jonas', 'Younas'], Efrem: ['Ephrem', 'Efrem'], Rahel: ['Rachel'], Lidia: ['Lydia'], Senait: ['Senayt'], Kibrom: ['Kbrom'],
      Merhawi: ['Merhawie'], Amanuel: ['Emmanuel'], Samuel: ['Samiel'],
    },
  },
  sudanese: {
    key: 'sudanese',
    familyFirst: false,
    male: { head: ARABIC_MALE, tailShare: 0.15, tail: [['Abdel', 'El', 'Mo', 'Na', 'Ha', 'Sa'], ['tayeb', 'bashir', 'nour', 'fadil', 'zubair', 'amin']] },
    female: {
      head: [['Fatima', 5], 'Aisha', 'Mariam', 'Amna', 'Hawa', 'Khadija', 'Zainab', 'Samia', 'Nafisa', 'Amal', 'Sara', 'Huda', 'Rania', 'Asma'],
      tailShare: 0.15,
      tail: [['Ha', 'Na', 'Sa', 'Ra', 'Ma'], ['nan', 'wal', 'fisa', 'shida', 'jda']],
    },
    forms: ARABIC_FORMS,
  },
  kurdish: {
    key: 'kurdish',
    familyFirst: false,
    male: {
      head: [['Mohammed', 5], 'Ahmed', 'Karwan', 'Rebwar', 'Aram', 'Hawkar', 'Dana', 'Sirwan', 'Hemin', 'Shwan', 'Zana', 'Hiwa', 'Kawa', 'Ali', 'Omar',
        'Bakhtiyar', 'Dilshad', 'Goran', 'Hazhar', 'Rawand', 'Saman', 'Shorsh', 'Soran', 'Azad'],
      tailShare: 0.2,
      tail: [['Ba', 'Da', 'Ha', 'Ka', 'Re', 'Sha', 'Ze'], ['ran', 'khtiar', 'wez', 'ryar', 'zhar', 'man']],
    },
    female: {
      head: ['Shilan', 'Nasrin', 'Kurdistan', 'Avin', 'Bafrin', 'Dilan', 'Hana', 'Lana', 'Nazdar', 'Shno', 'Sozan', 'Zhino', 'Rezan', 'Chnar'],
      tailShare: 0.2,
      tail: [['Av', 'Ba', 'Del', 'Ro', 'Sh'], ['in', 'an', 'ya', 'ezh']],
    },
    family: {
      head: [['Ahmed', 4], ['Mohammed', 4], 'Karim', 'Abdullah', 'Rasul', 'Aziz', 'Mahmood', 'Qadir', 'Hama', 'Salih', 'Hassan', 'Ibrahim', 'Omar',
        'Rahman', 'Mustafa', 'Jalal', 'Hussein', 'Ali', 'Othman', 'Majeed'],
      tailShare: 0.3,
      tail: [['Ba', 'Ha', 'Ka', 'Ma', 'Sha', 'Za'], ['rzani', 'wrami', 'ndi', 'kir', 'feq']],
    },
    forms: { ...ARABIC_FORMS, Karwan: ['Kerwan'], Rebwar: ['Ribwar'], Hawkar: ['Hawker'], Mahmood: ['Mahmoud', 'Mahmud'], Hama: ['Hamma'] },
  },
  afghan: {
    key: 'afghan',
    familyFirst: false,
    male: {
      head: [['Mohammad', 6], 'Ahmad', 'Abdul', 'Ali', 'Hamid', 'Javed', 'Rahim', 'Naveed', 'Sayed', 'Ghulam', 'Mustafa', 'Farid', 'Hamidullah',
        'Zabihullah', 'Noorullah', 'Bilal', 'Shafiq', 'Rahmatullah', 'Nasir', 'Wahid', 'Jawad', 'Omid', 'Samiullah', 'Khalid', 'Idris'],
      tailShare: 0.2,
      tail: [['Amin', 'Asad', 'Hab', 'Naj', 'Sami', 'Zia', 'Fazl', 'Ehsan'], ['ullah', 'ib', 'uddin', 'ud', 'ai']],
    },
    female: {
      head: ['Fatima', 'Maryam', 'Zahra', 'Sakina', 'Shabnam', 'Parwana', 'Mursal', 'Nilofar', 'Farzana', 'Zarghona', 'Marzia', 'Hasina'],
      tailShare: 0.2,
      tail: [['Fer', 'Mah', 'Nas', 'Par', 'Shir', 'Zar'], ['iba', 'ina', 'rin', 'wana', 'ia']],
    },
    family: {
      head: ['Ahmadi', 'Rahimi', 'Hakimi', 'Karimi', 'Mohammadi', 'Noori', 'Sultani', 'Safi', 'Stanikzai', 'Popal', 'Hussaini', 'Amiri', 'Azizi',
        'Haidari', 'Sharifi', 'Wardak', ['Khan', 6], 'Jan', 'Shinwari', 'Niazi', 'Rezaei', 'Sadat', 'Hashimi', 'Zazai'],
      tailShare: 0.4,
      tail: [['Ah', 'Ba', 'Ha', 'Ka', 'Mo', 'Na', 'Qa', 'Sa', 'Wa', 'Za'], ['madzai', 'rakzai', 'kimi', 'hidi', 'sery', 'yubi', 'zai']],
    },
    forms: { ...ARABIC_FORMS, Mohammad: ['Mohammed', 'Muhammad', 'Mohamad'], Noorullah: ['Nurullah'], Naveed: ['Navid'], Javed: ['Javid'], Omid: ['Umid'], Sayed: ['Said', 'Syed'] },
  },
  romanian: {
    key: 'romanian',
    familyFirst: false,
    male: {
      head: ['Andrei', 'Alexandru', 'Ionuț', 'Mihai', 'Florin', 'Marian', 'Adrian', 'Cristian', 'Ștefan', 'Daniel', 'Gheorghe', 'Ion', 'Constantin',
        'Nicolae', 'Vasile', 'Gabriel', 'Bogdan', 'Claudiu', 'Sorin', 'Cătălin', 'Marius', 'Dragoș', 'Petru', 'Viorel'],
      tailShare: 0.15,
      tail: [['Ră', 'Lu', 'Ove', 'Tra', 'Vir', 'Cos', 'Doru'], ['zvan', 'cian', 'lian', 'gil', 'tel', 'min']],
    },
    female: {
      head: ['Maria', 'Elena', 'Ioana', 'Andreea', 'Alexandra', 'Mihaela', 'Ana', 'Cristina', 'Gabriela', 'Florentina', 'Roxana', 'Denisa', 'Larisa', 'Bianca'],
      tailShare: 0.15,
      tail: [['Lu', 'Mi', 'Ra', 'Sil', 'Vio'], ['minița', 'rela', 'luca', 'via', 'rica']],
    },
    family: {
      head: [['Popa', 3], ['Popescu', 3], 'Pop', 'Radu', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Matei', 'Ciobanu', 'Rusu', 'Munteanu', 'Constantin',
        'Lungu', 'Moldovan', 'Mihai', 'Ionescu', 'Florea', 'Marin', 'Tudor', 'Dinu', 'Badea', 'Lazăr', 'Ene'],
      tailShare: 0.45,
      tail: [['Bă', 'Cio', 'Dră', 'Ghi', 'Io', 'Mă', 'Ne', 'Pă', 'Ră', 'Stă', 'Tă', 'Vlă'], ['descu', 'rcea', 'nescu', 'șan', 'ghină', 'dulescu', 'lache']],
    },
    forms: {
      Ștefan: ['Stefan', 'Stephen', 'Steven'], Ion: ['Ioan', 'John'], Gheorghe: ['George', 'Gheorghi'], Mihai: ['Michael', 'Mihail'],
      Alexandru: ['Alexander', 'Alex'], Andrei: ['Andrew', 'Andrey'], Cristian: ['Christian'], Ionuț: ['Ionut'], Cătălin: ['Catalin'],
      Dragoș: ['Dragos'], Nicolae: ['Nicholas', 'Nicolai'], Petru: ['Peter', 'Petre'], Ioana: ['Joanna'], Elena: ['Helen', 'Ileana'], Lazăr: ['Lazar'],
    },
  },
  polish: {
    key: 'polish',
    familyFirst: false,
    male: {
      head: ['Krzysztof', 'Piotr', 'Tomasz', 'Paweł', 'Michał', 'Marcin', 'Łukasz', 'Jakub', 'Mateusz', 'Grzegorz', 'Kamil', 'Dawid', 'Adam',
        'Bartosz', 'Marek', 'Wojciech', 'Rafał', 'Damian', 'Sebastian', 'Przemysław'],
      tailShare: 0.15,
      tail: [['Zbig', 'Mie', 'Jaro', 'Bogu', 'Rado', 'Sła'], ['niew', 'czysław', 'sław', 'mir', 'wosz']],
    },
    female: {
      head: ['Anna', 'Katarzyna', 'Magdalena', 'Agnieszka', 'Joanna', 'Monika', 'Małgorzata', 'Aleksandra', 'Natalia', 'Karolina', 'Justyna', 'Ewa'],
      tailShare: 0.15,
      tail: [['Bo', 'Da', 'Gra', 'Ja', 'Wie'], ['żena', 'nuta', 'dwiga', 'siek', 'sława']],
    },
    family: {
      head: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski',
        'Kozłowski', 'Jankowski', 'Mazur', 'Kwiatkowski', 'Krawczyk', 'Piotrowski', 'Grabowski'],
      tailShare: 0.5,
      tail: [['Brze', 'Chmiel', 'Dud', 'Górs', 'Jabł', 'Kacz', 'Mich', 'Pawl', 'Sob', 'Wrób', 'Zaj'], ['ewski', 'owski', 'ek', 'czyk', 'ak', 'iński']],
    },
    forms: {
      Krzysztof: ['Christopher', 'Kristof', 'Krzysztof', 'Krystof', 'Chris'], Piotr: ['Peter', 'Petr'], Tomasz: ['Thomas', 'Tomas'], Paweł: ['Pawel', 'Paul'],
      Michał: ['Michal', 'Michael'], Marcin: ['Martin'], Łukasz: ['Lukasz', 'Lukas', 'Luke'], Jakub: ['Jacob', 'Kuba'], Mateusz: ['Matthew', 'Mateus'],
      Grzegorz: ['Gregory', 'Gregor'], Dawid: ['David'], Wojciech: ['Wojtek'], Rafał: ['Rafal', 'Raphael'], Przemysław: ['Przemek', 'Przemyslaw'],
      Katarzyna: ['Katherine', 'Kasia'], Małgorzata: ['Margaret', 'Gosia'], Aleksandra: ['Alexandra', 'Ola'], Joanna: ['Joanne'],
      Wiśniewski: ['Wisniewski'], Wójcik: ['Wojcik'], Kamiński: ['Kaminski'], Zieliński: ['Zielinski'], Szymański: ['Szymanski'], Woźniak: ['Wozniak'],
      Dąbrowski: ['Dabrowski'], Kozłowski: ['Kozlowski'],
    },
  },
  nigerian: {
    key: 'nigerian',
    familyFirst: false,
    male: {
      head: ['Chinedu', 'Emeka', 'Oluwaseun', 'Tunde', 'Ibrahim', 'Musa', 'Joseph', 'Samuel', 'Daniel', 'Godwin', 'Peter', 'Emmanuel', 'Chukwuemeka',
        'Olumide', 'Babatunde', 'Ifeanyi', 'Uchenna', 'Abdullahi', 'Sunday', 'Michael', 'David', 'Victor', 'Kelechi', 'Segun'],
      tailShare: 0.25,
      tail: [['Ade', 'Chi', 'Obi', 'Olu', 'Oke', 'Nna', 'Ife', 'Tobi'], ['wale', 'mobi', 'nna', 'femi', 'kunle', 'dike', 'sola']],
    },
    female: {
      head: ['Blessing', 'Precious', 'Joy', 'Chioma', 'Ngozi', 'Aisha', 'Fatima', 'Mercy', 'Grace', 'Favour', 'Esther', 'Adaeze', 'Funmilayo',
        'Oluwakemi', 'Ifeoma', 'Gift', 'Patience', 'Comfort'],
      tailShare: 0.25,
      tail: [['Ada', 'Chi', 'Ife', 'Ngo', 'Olu', 'Yemi', 'Temi'], ['ora', 'nna', 'oma', 'bunmi', 'tope', 'lola']],
    },
    family: {
      head: ['Okafor', 'Okonkwo', 'Adeyemi', 'Ogunleye', 'Eze', 'Nwosu', 'Abubakar', 'Bello', 'Ibrahim', 'Musa', 'Obi', 'Adebayo', 'Okoro', 'Olawale',
        'Chukwu', 'Uche', 'Okeke', 'Adeleke', 'Balogun', 'Ogundipe'],
      tailShare: 0.55,
      tail: [['Ade', 'Aki', 'Ogun', 'Oko', 'Olu', 'Nwa', 'Ezea', 'Ade', 'Ony', 'Aji'], ['bayo', 'nde', 'wusi', 'nkwo', 'dele', 'chukwu', 'bola', 'kanmi']],
    },
    forms: { Oluwaseun: ['Seun'], Babatunde: ['Tunde'], Chukwuemeka: ['Emeka'], Emeka: ['Chukwuemeka'], Oluwakemi: ['Kemi'], Funmilayo: ['Funmi'], Abdullahi: ['Abdullah'] },
  },
  indian: {
    key: 'indian',
    familyFirst: false,
    male: {
      head: ['Rahul', 'Amit', 'Sunil', 'Rajesh', 'Manpreet', 'Gurpreet', 'Harpreet', 'Sandeep', 'Vikram', 'Arjun', 'Ravi', 'Suresh', 'Mohammed',
        'Jaswinder', 'Deepak', 'Anil', 'Kuldeep', 'Sukhwinder'],
      tailShare: 0.2,
      tail: [['Ra', 'Har', 'Kul', 'Man', 'Pra', 'Su', 'Vi'], ['jinder', 'deep', 'esh', 'want', 'kash', 'nod']],
    },
    female: {
      head: ['Priya', 'Pooja', 'Anjali', 'Simran', 'Manpreet', 'Harpreet', 'Kiran', 'Neha', 'Sunita', 'Rani', 'Jaspreet', 'Aarti'],
      tailShare: 0.2,
      tail: [['Ka', 'Ma', 'Pa', 'Ra', 'Su'], ['mala', 'vinder', 'rvati', 'shma', 'dha']],
    },
    family: {
      head: [['Singh', 12], ['Kumar', 8], ['Kaur', 6], 'Patel', 'Sharma', 'Gupta', 'Shah', 'Khan', 'Reddy', 'Das', 'Verma', 'Gill', 'Sandhu', 'Sidhu'],
      tailShare: 0.3,
      tail: [['Agar', 'Bha', 'Chau', 'Dhil', 'Gre', 'Ma', 'Sai', 'Tha'], ['wal', 'tia', 'dhary', 'lon', 'wal', 'hajan', 'ni', 'kur']],
    },
    forms: { Mohammed: ['Muhammad', 'Mohd'], Gurpreet: ['Gurprit'], Harpreet: ['Harprit'], Sandeep: ['Sandip'], Kuldeep: ['Kuldip'] },
  },
  chinese: {
    key: 'chinese',
    familyFirst: true,
    male: {
      head: ['Wei', 'Jun', 'Hao', 'Lei', 'Ming', 'Qiang', 'Jie', 'Tao', 'Yong', 'Jian', 'Bin', 'Gang', 'Chao', 'Peng', 'Xiang'],
      tailShare: 0.5,
      tail: [['Zhi', 'Jian', 'Xiao', 'Hong', 'Guo', 'Wen', 'Yu', 'Jia'], ['hua', 'ming', 'qiang', 'jun', 'long', 'feng', 'hao']],
    },
    female: {
      head: ['Jing', 'Li', 'Yan', 'Hui', 'Xin', 'Fang', 'Ying', 'Na', 'Min', 'Juan', 'Yu', 'Lan'],
      tailShare: 0.5,
      tail: [['Xiao', 'Mei', 'Li', 'Hui', 'Yu', 'Jia'], ['hong', 'ling', 'fang', 'yan', 'ting', 'xin']],
    },
    family: {
      // Li about 7.9%, Wang 7.1%, Zhang 6.8%, Liu 5.4%, Chen 4.5%.
      head: [['Li', 7.9], ['Wang', 7.1], ['Zhang', 6.8], ['Liu', 5.4], ['Chen', 4.5], ['Yang', 3], ['Huang', 2.2], ['Zhao', 2], ['Wu', 1.9], ['Zhou', 1.9],
        ['Xu', 1.5], ['Sun', 1.4], ['Ma', 1.3], ['Zhu', 1.3], ['Hu', 1.2], ['Guo', 1.1], ['He', 1.1], ['Lin', 1.0]],
      tailShare: 0.4,
      tail: [['G', 'J', 'L', 'M', 'S', 'T', 'X', 'Y', 'Zh'], ['ao', 'iang', 'ong', 'eng', 'u', 'an', 'ie']],
    },
    forms: { Chen: ['Chan'], Wang: ['Wong'], Li: ['Lee'], Zhang: ['Cheung', 'Chang'], Huang: ['Wong', 'Hwang'], Zhou: ['Chow'], Wu: ['Ng', 'Woo'], Lin: ['Lam'] },
  },
};

/**
 * Nationalities of people referred, roughly in proportion to NRM referrals in 2023 (UK nationals the largest
 * group, then Albanian, Eritrean, Vietnamese, Sudanese), each with the naming culture its people are drawn from.
 */
export const REFERRED_NATIONALITIES: readonly { readonly alpha3: string; readonly share: number; readonly culture: string }[] = [
  { alpha3: 'GBR', share: 26, culture: 'british' },
  { alpha3: 'ALB', share: 16, culture: 'albanian' },
  { alpha3: 'ERI', share: 7, culture: 'eritrean' },
  { alpha3: 'VNM', share: 6, culture: 'vietnamese' },
  { alpha3: 'SDN', share: 6, culture: 'sudanese' },
  { alpha3: 'AFG', share: 4, culture: 'afghan' },
  { alpha3: 'IRQ', share: 4, culture: 'kurdish' },
  { alpha3: 'IRN', share: 3, culture: 'kurdish' },
  { alpha3: 'ETH', share: 3, culture: 'eritrean' },
  { alpha3: 'ROU', share: 4, culture: 'romanian' },
  { alpha3: 'POL', share: 3, culture: 'polish' },
  { alpha3: 'NGA', share: 4, culture: 'nigerian' },
  { alpha3: 'IND', share: 4, culture: 'indian' },
  { alpha3: 'CHN', share: 3, culture: 'chinese' },
  { alpha3: 'EGY', share: 2, culture: 'sudanese' },
  { alpha3: 'SYR', share: 2, culture: 'kurdish' },
];
