/**
 * Name pools per naming tradition for the synthetic population. Kept apart from the matching engine's own
 * variant dictionary on purpose: the generator must not make the engine's job easy by speaking its language.
 */
export interface NamingTradition {
  readonly male: readonly string[];
  readonly female: readonly string[];
  /** Family names; empty for patronymic traditions, where the father's given name is used. */
  readonly family: readonly string[];
  readonly order: 'given-first' | 'family-first';
  readonly patronymic: boolean;
  /** Alternative romanisations a clerk may write for the same name. */
  readonly spellings?: Readonly<Record<string, readonly string[]>>;
}

const ARABIC_SPELLINGS: Record<string, readonly string[]> = {
  Mohammed: ['Muhammad', 'Mohamed', 'Mohammad', 'Mohamad', 'Muhammed'],
  Ahmed: ['Ahmad'],
  Ali: ['Aly', 'Alee'],
  Hussein: ['Hussain', 'Husein', 'Hossein'],
  Hassan: ['Hasan'],
  Abdullah: ['Abdalla', 'Abdallah', 'Abdulla'],
  Omar: ['Umar', 'Omer'],
  Osman: ['Usman', 'Othman'],
  Yousef: ['Yusuf', 'Youssef', 'Yousif'],
  Ibrahim: ['Ebrahim', 'Ibraheem'],
  Ismail: ['Ismael', 'Esmail'],
  Khalid: ['Khaled'],
  Mustafa: ['Mostafa', 'Moustafa'],
  Mahmoud: ['Mahmood', 'Mahmud'],
  Fatima: ['Fatma', 'Fatimah'],
  Aisha: ['Ayesha', 'Aysha'],
  Mariam: ['Maryam'],
  Suleiman: ['Sulaiman', 'Soliman'],
  Abdelrahman: ['Abdulrahman', 'Abdurrahman'],
  Idris: ['Idriss', 'Edris'],
  Yahya: ['Yehia', 'Yahia'],
  Adam: ['Adem'],
  Musa: ['Moussa', 'Mousa'],
  Tariq: ['Tarek', 'Tareq'],
  Salih: ['Saleh', 'Salah'],
};

/** Every combination of a first and a second part ("Van" + "Nam" = "Van Nam"), repeated parts weighing more. */
function compose(firsts: readonly string[], seconds: readonly string[], join = ' '): string[] {
  const out: string[] = [];
  for (const a of firsts) for (const b of seconds) out.push(join ? `${a}${join}${b}` : `${a}${b.toLowerCase()}`);
  return out;
}

const repeat = (name: string, times: number): string[] => Array.from({ length: times }, () => name);

// Vietnamese given names are a middle name (Văn for a third or more of men, Thị for most women) and a given name,
// so the pool is their combinations; a closed list of 35 full given names made distinct men share one ten times
// more often than they do.
const VIETNAMESE_MALE = compose(
  [...repeat('Van', 10), 'Duc', 'Minh', 'Quang', 'Thanh', 'Hoang', 'Huu', 'Cong', 'Tien', 'Quoc', 'Dinh', 'Trung', 'Manh', 'Ngoc', 'Xuan', 'Tuan', 'Anh', 'Hai'],
  ['Nam', 'Hung', 'Anh', 'Tuan', 'Huy', 'Long', 'Tung', 'Thanh', 'Minh', 'Duc', 'Dung', 'Tai', 'Bao', 'Khoa', 'Hieu', 'Phuc', 'Nghia', 'Vinh', 'Kien', 'Khanh', 'Son', 'Quyet', 'Thang', 'Hai', 'Toan', 'Truong', 'Loc', 'Cuong', 'Binh', 'Dat', 'Khang', 'Lam', 'Phong', 'Quan', 'Sang', 'Thinh', 'Trong', 'Tri', 'Vu', 'Hoang'],
);
const VIETNAMESE_FEMALE = compose(
  [...repeat('Thi', 12), 'Ngoc', 'Thu', 'Phuong', 'Thanh', 'Minh', 'Bich', 'Kim', 'Hong', 'Thuy', 'Mai'],
  ['Lan', 'Hoa', 'Mai', 'Huong', 'Anh', 'Trang', 'Ha', 'Linh', 'Thao', 'Nga', 'Huyen', 'Thu', 'Chau', 'Yen', 'Ngoc', 'Hanh', 'Hien', 'Hong', 'Lien', 'Loan', 'Nhung', 'Phuong', 'Quynh', 'Thuy', 'Trinh', 'Uyen', 'Vy', 'Dung', 'Giang'],
);
// Family names in their national proportions: Nguyễn alone about 38%, then Trần, Lê and Phạm (Lê Trung Hoa,
// "Họ và tên người Việt Nam", 2005). Distinct people sharing a full name are common among Vietnamese, and stay so.
const VIETNAMESE_FAMILY = [
  ...repeat('Nguyễn', 38), ...repeat('Trần', 11), ...repeat('Lê', 10), ...repeat('Phạm', 7), ...repeat('Hoàng', 3), ...repeat('Huỳnh', 2),
  ...repeat('Phan', 4), ...repeat('Vũ', 2), ...repeat('Võ', 2), ...repeat('Đặng', 2), ...repeat('Bùi', 2),
  'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trịnh', 'Trương',
];

// Chinese given names are one or (mostly) two syllables chosen freely, so few people share one; a closed list of
// 18 single syllables made distinct men share a full name a hundred times more often than in China.
const CHINESE_SYLLABLES = ['Wei', 'Jun', 'Hao', 'Lei', 'Jian', 'Ming', 'Qiang', 'Tao', 'Yong', 'Bin', 'Chao', 'Gang', 'Jie', 'Long', 'Peng', 'Xin', 'Zhen', 'Hua', 'Zhi', 'Jia', 'Yu', 'Xiao', 'Wen', 'Hong', 'Ping', 'Kai', 'Feng', 'Bo', 'Cheng', 'Dong', 'Hai', 'Liang', 'Rui', 'Tian', 'Xiang', 'Yi', 'Zhong', 'Guang', 'Jin', 'Shan'];
const CHINESE_FEMALE_SYLLABLES = ['Fang', 'Li', 'Na', 'Ying', 'Min', 'Jing', 'Yan', 'Hui', 'Xia', 'Mei', 'Lan', 'Hong', 'Juan', 'Xiu', 'Yun', 'Qing', 'Ling', 'Xue', 'Dan', 'Ting', 'Yue', 'Lin', 'Jia', 'Xin', 'Wen', 'Yu', 'Shu', 'Hua', 'Zhen', 'Qian'];
const CHINESE_MALE = [...CHINESE_SYLLABLES.flatMap((s) => repeat(s, 8)), ...compose(CHINESE_SYLLABLES, CHINESE_SYLLABLES, '')];
const CHINESE_FEMALE = [...CHINESE_FEMALE_SYLLABLES.flatMap((s) => repeat(s, 8)), ...compose(CHINESE_FEMALE_SYLLABLES, CHINESE_FEMALE_SYLLABLES, '')];

/*
 * Pool sizes. Distinct people share a full name about as often as the pools make two random draws agree, so a
 * pool far smaller than a country's real variety of names makes namesakes far commoner than they are. The pools
 * below are sized so that two people of one nationality share a full name at roughly the real rate: about 1 in
 * 20,000 pairs for British, Albanian, Polish, Romanian and Nigerian names, more for Arabic and Afghan names
 * (Mohammed, Ahmed), and about 1 in 1,000 for Vietnamese (Nguyễn) and Sudanese patronymics, where namesakes are
 * a real problem and stay one. Siblings and twins are drawn as before and remain hard non-matches.
 */
export const TRADITIONS: Readonly<Record<string, NamingTradition>> = {
  british: {
    male: ['James', 'Oliver', 'Jack', 'Harry', 'George', 'Charlie', 'Thomas', 'Jacob', 'William', 'Joshua', 'Daniel', 'Callum', 'Liam', 'Kyle', 'Connor', 'Ryan', 'Jordan', 'Lewis', 'Mason', 'Tyler', 'Ethan', 'Alfie', 'Reece', 'Kieran', 'Samuel', 'Joseph', 'Michael', 'Matthew', 'Luke', 'Nathan', 'Dylan', 'Bradley', 'Jamie', 'Aaron', 'Ben', 'Adam', 'Owen', 'Rhys', 'Leon', 'Jayden', 'Alex', 'Archie', 'Billy', 'Bobby', 'Cameron', 'Declan', 'Elliot', 'Finley', 'Freddie', 'Harvey', 'Isaac', 'Jake', 'Jay', 'Joel', 'Josh', 'Kai', 'Logan', 'Louis', 'Marcus', 'Max', 'Morgan', 'Noah', 'Oscar', 'Reuben', 'Riley', 'Sam', 'Scott', 'Sean', 'Toby', 'Troy', 'Zac', 'Zak', 'Dominic', 'Shane'],
    female: ['Olivia', 'Amelia', 'Emily', 'Jessica', 'Chloe', 'Sophie', 'Lily', 'Ella', 'Grace', 'Ruby', 'Megan', 'Holly', 'Courtney', 'Jade', 'Shannon', 'Chelsea', 'Leah', 'Paige', 'Abigail', 'Lauren', 'Hannah', 'Charlotte', 'Katie', 'Bethany', 'Amber', 'Georgia', 'Ellie', 'Mia', 'Summer', 'Kayleigh', 'Alice', 'Anna', 'Becky', 'Brooke', 'Caitlin', 'Demi', 'Eden', 'Eva', 'Freya', 'Gemma', 'Imogen', 'Isla', 'Jasmine', 'Keira', 'Laura', 'Libby', 'Lucy', 'Maisie', 'Molly', 'Naomi', 'Niamh', 'Poppy', 'Rosie', 'Tia', 'Zoe'],
    family: ['Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris', 'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'James', 'Scott', 'Phillips', 'Watson', 'Davis', 'Parker', 'Price', 'Bennett', 'Young', 'Griffiths', 'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins', 'Bell', 'Shaw', 'Murphy', 'Miller', 'Cox', 'Richards', 'Khan', 'Marshall', 'Anderson', 'Simpson', 'Ellis', 'Adams', 'Singh', 'Begum', 'Wilkinson', 'Foster', 'Chapman', 'Powell', 'Webb', 'Rogers', 'Gray', 'Mason', 'Ali', 'Hunt', 'Hussain', 'Campbell', 'Matthews', 'Owen', 'Palmer', 'Holmes', 'Mills', 'Barnes', 'Knight', 'Lloyd', 'Butler', 'Russell', 'Barker', 'Fisher', 'Stevens', 'Jenkins', 'Murray', 'Dixon', 'Harvey', 'Okafor', 'Mensah', 'Nowak', 'Kowalski', 'Fletcher', 'Hayes', 'Burton', 'Gibson', 'Sutton', 'Armstrong', 'Atkinson', 'Bates', 'Bird', 'Booth', 'Bradley', 'Brooks', 'Chambers', 'Cole', 'Dawson', 'Day', 'Dean', 'Doyle', 'Ford', 'Fox', 'Gardner', 'Grant', 'Graham', 'Hamilton', 'Hart', 'Hudson', 'Hunter', 'Jordan', 'Kennedy', 'Lane', 'Lawrence', 'Lawson', 'Lord', 'Lowe', 'Marsh', 'Mills', 'Moss', 'Newman', 'Nicholls', 'Norris', 'Osborne', 'Page', 'Payne', 'Pearce', 'Pearson', 'Perry', 'Porter', 'Quinn', 'Read', 'Reid', 'Reynolds', 'Riley', 'Rose', 'Ross', 'Rowe', 'Saunders', 'Sharp', 'Spencer', 'Stone', 'Sullivan', 'Swift', 'Thornton', 'Townsend', 'Tucker', 'Wall', 'Walsh', 'Warren', 'Watts', 'Wells', 'West', 'Whitehouse', 'Wilkins', 'Willis', 'Woodward', 'Yates', 'Ahmed', 'Akhtar', 'Bibi', 'Hussein', 'Iqbal', 'Mahmood', 'Rahman', 'Shah', 'Asante', 'Boateng', 'Francis', 'Grant', 'Henry', 'Campbell', 'Brown', 'Mcdonald', 'O\'Brien', 'O\'Neill', 'Mcarthur', 'Fitzgerald', 'Smith-Jones', 'Davies-Evans'],
    order: 'given-first',
    patronymic: false,
  },
  albanian: {
    male: ['Ardit', 'Arben', 'Besnik', 'Blerim', 'Dritan', 'Elton', 'Endrit', 'Erion', 'Ervis', 'Fatos', 'Gentian', 'Ilir', 'Klajdi', 'Kristian', 'Luan', 'Marsel', 'Mario', 'Olsi', 'Redon', 'Rexhep', 'Sokol', 'Taulant', 'Valon', 'Xhuljo', 'Arjan', 'Armando', 'Denis', 'Eduard', 'Florian', 'Geri', 'Jurgen', 'Klodian', 'Lorenc', 'Orges', 'Renaldo', 'Sabri', 'Skender', 'Visar', 'Alban', 'Bledar', 'Agron', 'Altin', 'Andi', 'Arlind', 'Bujar', 'Dorian', 'Edison', 'Enea', 'Flamur', 'Genci', 'Hekuran', 'Indrit', 'Juli', 'Kledi', 'Leonard', 'Mikel', 'Nertil', 'Paulin', 'Rigels', 'Sajmir', 'Tedi', 'Urim', 'Vesel', 'Ylli', 'Zamir'],
    female: ['Anila', 'Arta', 'Besa', 'Blerina', 'Dorina', 'Elira', 'Enkeleda', 'Fjolla', 'Gentiana', 'Jonida', 'Klea', 'Liridona', 'Mimoza', 'Rina', 'Sara', 'Teuta', 'Valbona', 'Xhesika', 'Alketa', 'Ermira', 'Adelina', 'Albana', 'Arbana', 'Blerta', 'Diana', 'Drita', 'Elona', 'Erjona', 'Flutura', 'Greta', 'Ilda', 'Ina', 'Jetmira', 'Kejsi', 'Klodiana', 'Lindita', 'Manjola', 'Migena', 'Olta', 'Rudina', 'Sidorela', 'Suela', 'Vjollca', 'Xhoana', 'Brikena', 'Entela', 'Fatjona', 'Orkida', 'Marsela', 'Dafina'],
    family: ['Hoxha', 'Shehu', 'Gashi', 'Krasniqi', 'Berisha', 'Kola', 'Leka', 'Marku', 'Dervishi', 'Cela', 'Hysa', 'Basha', 'Lika', 'Prifti', 'Meta', 'Rama', 'Dushku', 'Gjoka', 'Hasani', 'Kurti', 'Mema', 'Ndoja', 'Rexha', 'Sulaj', 'Tafa', 'Zeneli', 'Bajrami', 'Duka', 'Frashëri', 'Gjeçi', 'Hajdari', 'Ismaili', 'Kapllani', 'Lleshi', 'Muça', 'Qosja', 'Shkurti', 'Toska', 'Vata', 'Xhafa', 'Çela', 'Dibra', 'Elezi', 'Ferati', 'Gega', 'Halili', 'Kastrati', 'Luli', 'Malaj', 'Nika', 'Abazi', 'Ahmeti', 'Alia', 'Bardhi', 'Bega', 'Bushati', 'Cani', 'Deda', 'Doda', 'Gjini', 'Hoti', 'Isufi', 'Kadiu', 'Kelmendi', 'Koci', 'Koka', 'Lami', 'Mehmeti', 'Mucaj', 'Murati', 'Nuri', 'Pllumi', 'Qerimi', 'Ramadani', 'Selimi', 'Shala', 'Tahiri', 'Uka', 'Veliu', 'Zeqiri', 'Aliu', 'Avdiu', 'Bajraktari', 'Begolli', 'Behluli', 'Beqiri', 'Bislimi', 'Blakaj', 'Bytyqi', 'Dema', 'Demaj', 'Dragusha', 'Fejzullahu', 'Gjergji', 'Gjonaj', 'Haliti', 'Haxhiu', 'Hyseni', 'Islami', 'Jashari', 'Kabashi', 'Kadriu', 'Kryeziu', 'Kuqi', 'Latifi', 'Limani', 'Llolla', 'Maliqi', 'Mustafa', 'Musliu', 'Nimani', 'Osmani', 'Pacolli', 'Pllana', 'Qorri', 'Rexhepi', 'Rrustemi', 'Sadiku', 'Salihu', 'Sejdiu', 'Shabani', 'Shkodra', 'Sopi', 'Syla', 'Thaçi', 'Vokshi', 'Xhemaili', 'Ymeri', 'Zymberi', 'Zhuri', 'Alimadhi', 'Balla', 'Bici', 'Çaushi', 'Dauti', 'Dine', 'Gjika', 'Hasa', 'Kuka', 'Lala', 'Laçi', 'Mali', 'Mici', 'Ndreu', 'Pepa', 'Plaku', 'Qerimaj', 'Shima', 'Tare', 'Topalli', 'Vrapi', 'Zaimi', 'Allmuça', 'Bregu', 'Dedaj', 'Hasanaj', 'Kraja', 'Prenga'],
    order: 'given-first',
    patronymic: false,
    spellings: { Xhesika: ['Jessica', 'Xhessika'], Jurgen: ['Jurgena'], Erion: ['Erjon'], Cela: ['Çela', 'Cella'], Hoxha: ['Hoxhaj', 'Hoxa'] },
  },
  vietnamese: {
    male: VIETNAMESE_MALE,
    female: VIETNAMESE_FEMALE,
    family: VIETNAMESE_FAMILY,
    order: 'family-first',
    patronymic: false,
  },
  eritrean: {
    male: ['Yonas', 'Filmon', 'Semere', 'Dawit', 'Ermias', 'Habtom', 'Kibrom', 'Mehari', 'Robel', 'Samuel', 'Tesfay', 'Yohannes', 'Biniam', 'Henok', 'Merhawi', 'Natnael', 'Aron', 'Mussie', 'Tedros', 'Ghirmay', 'Kidane', 'Haile', 'Tekle', 'Berhane', 'Mebrahtu', 'Gebremedhin', 'Weldu', 'Amanuel', 'Efrem', 'Goitom', 'Abel', 'Alem', 'Awet', 'Bereket', 'Daniel', 'Eyob', 'Fitsum', 'Futsum', 'Hagos', 'Isaias', 'Kaleab', 'Kesete', 'Medhanie', 'Mikael', 'Milkias', 'Nahom', 'Negasi', 'Okbay', 'Russom', 'Simon', 'Solomon', 'Temesghen', 'Tewelde', 'Tesfamariam', 'Yemane', 'Zerai'],
    female: ['Senait', 'Helen', 'Selam', 'Ruta', 'Saba', 'Yordanos', 'Mihret', 'Luwam', 'Feven', 'Hiwet', 'Tsega', 'Winta', 'Eden', 'Lidia', 'Abeba'],
    family: [],
    order: 'given-first',
    patronymic: true,
    spellings: { Tesfay: ['Tesfaye', 'Tesfai'], Yohannes: ['Yohanes'], Ghirmay: ['Girmay'], Tekle: ['Tecle', 'Teklay'], Haile: ['Hayle'], Filmon: ['Filimon'], Gebremedhin: ['Ghebremedhin'], Kidane: ['Kidan'], Mehari: ['Mehary'], Weldu: ['Woldu'] },
  },
  sudanese: {
    male: ['Mohammed', 'Ahmed', 'Ali', 'Omar', 'Osman', 'Ibrahim', 'Abdelrahman', 'Hassan', 'Hussein', 'Khalid', 'Mustafa', 'Yousef', 'Adam', 'Idris', 'Abdullah', 'Ismail', 'Musa', 'Yahya', 'Suleiman', 'Salih', 'Tariq', 'Mahmoud', 'Abdelaziz', 'Abubakar', 'Awad', 'Babiker', 'Bashir', 'Elfatih', 'Elsadig', 'Gamal', 'Haitham', 'Hamid', 'Hisham', 'Jaafar', 'Kamal', 'Mohanad', 'Mubarak', 'Nasreldin', 'Osama', 'Siddig', 'Taha', 'Yasir', 'Zakaria'],
    female: ['Fatima', 'Aisha', 'Mariam', 'Amna', 'Hawa', 'Zainab', 'Safa', 'Marwa', 'Huda', 'Samia'],
    family: [],
    order: 'given-first',
    patronymic: true,
    spellings: ARABIC_SPELLINGS,
  },
  arabic: {
    male: ['Mohammed', 'Ahmed', 'Ali', 'Omar', 'Hassan', 'Hussein', 'Khalid', 'Mustafa', 'Yousef', 'Ibrahim', 'Mahmoud', 'Tariq', 'Karim', 'Bilal', 'Hamza', 'Rami', 'Samir', 'Walid', 'Ziad', 'Nabil', 'Abbas', 'Adel', 'Ammar', 'Anas', 'Ayman', 'Bassam', 'Fadi', 'Faisal', 'Firas', 'Ghassan', 'Haider', 'Hani', 'Hussam', 'Imad', 'Jamal', 'Kamal', 'Laith', 'Majid', 'Marwan', 'Muhannad', 'Nasser', 'Qais', 'Saif', 'Salim', 'Tamer', 'Wael', 'Yasser', 'Zaid', 'Sami', 'Raed', 'Mazen'],
    female: ['Fatima', 'Aisha', 'Mariam', 'Noor', 'Layla', 'Huda', 'Rania', 'Dina', 'Sara', 'Zainab', 'Amal', 'Asma', 'Batoul', 'Ghada', 'Hanan', 'Iman', 'Jana', 'Lina', 'Maha', 'Mona', 'Nadia', 'Rana', 'Reem', 'Rasha', 'Salma', 'Samar', 'Yasmin', 'Zeina', 'Hiba', 'Shahd'],
    family: ['Al-Ahmad', 'Hussein', 'Abbas', 'Hassan', 'Ibrahim', 'Khalil', 'Mahmoud', 'Mansour', 'Nasser', 'Othman', 'Rashid', 'Saleh', 'Yassin', 'Al-Hashimi', 'Jaber', 'Haddad', 'Khoury', 'Darwish', 'Aziz', 'Barakat', 'Hamdan', 'Kareem', 'Salem', 'Taha', 'Zaki', 'Abdullah', 'Al-Ali', 'Al-Amin', 'Al-Azzawi', 'Al-Bayati', 'Al-Dulaimi', 'Al-Janabi', 'Al-Jubouri', 'Al-Khatib', 'Al-Masri', 'Al-Najjar', 'Al-Obaidi', 'Al-Rawi', 'Al-Saadi', 'Al-Shammari', 'Al-Tamimi', 'Al-Zubaidi', 'Assaf', 'Bakr', 'Farah', 'Ghanem', 'Habib', 'Hamad', 'Hammoud', 'Issa', 'Kassem', 'Kanaan', 'Mustafa', 'Nassar', 'Qasim', 'Sabbagh', 'Shaheen', 'Suleiman', 'Younis', 'Zidan'],
    order: 'given-first',
    patronymic: false,
    spellings: ARABIC_SPELLINGS,
  },
  persian: {
    male: ['Ahmad', 'Mohammad', 'Ali', 'Reza', 'Hamid', 'Farid', 'Jawad', 'Mustafa', 'Nasir', 'Rahim', 'Sayed', 'Zabiullah', 'Hamed', 'Mehdi', 'Amir', 'Omid', 'Karim', 'Shafiq', 'Habib', 'Wahid', 'Abbas', 'Asad', 'Bashir', 'Daud', 'Ehsan', 'Esmatullah', 'Farhad', 'Hassan', 'Hossein', 'Idris', 'Javad', 'Khalil', 'Mahmoud', 'Majid', 'Masoud', 'Morteza', 'Najib', 'Naveed', 'Noorullah', 'Qasim', 'Rahmatullah', 'Saeed', 'Sami', 'Shahid', 'Sohrab', 'Taher', 'Yaser', 'Zalmai', 'Ghulam', 'Hekmat', 'Jamshid', 'Milad', 'Navid'],
    female: ['Maryam', 'Zahra', 'Fatemeh', 'Parisa', 'Shirin', 'Mina', 'Nazanin', 'Sahar', 'Leila', 'Roya', 'Arezoo', 'Azadeh', 'Fariba', 'Farzaneh', 'Golnaz', 'Hanieh', 'Laleh', 'Mahsa', 'Marzieh', 'Nasrin', 'Niloufar', 'Samira', 'Shabnam', 'Tahmina', 'Yasaman', 'Zohreh', 'Fereshteh', 'Homa', 'Ladan'],
    family: ['Ahmadi', 'Mohammadi', 'Hosseini', 'Rahimi', 'Karimi', 'Hashimi', 'Sultani', 'Noori', 'Amiri', 'Rezaei', 'Jafari', 'Sadat', 'Haidari', 'Azizi', 'Popal', 'Safi', 'Stanikzai', 'Wardak', 'Yousufzai', 'Zahiri', 'Akbari', 'Alizadeh', 'Amini', 'Bakhtiari', 'Barakzai', 'Durrani', 'Ebrahimi', 'Farahani', 'Ghafoori', 'Habibi', 'Hakimi', 'Hamidi', 'Jalali', 'Kakar', 'Karzai', 'Khalili', 'Mirzaei', 'Moradi', 'Nazari', 'Niazi', 'Omidi', 'Qaderi', 'Rahmani', 'Rostami', 'Sadeghi', 'Samadi', 'Shinwari', 'Sharifi', 'Tajik', 'Taheri', 'Yaqubi', 'Zaheer', 'Zamani', 'Ghani', 'Nabizada', 'Rasuli', 'Sahak', 'Hotak', 'Mangal', 'Ahmadzai'],
    order: 'given-first',
    patronymic: false,
    spellings: { Mohammad: ['Mohammed', 'Muhammad', 'Mohamad'], Hosseini: ['Husseini', 'Hosaini'], Sayed: ['Said', 'Sayyed'], Zabiullah: ['Zabihullah'] },
  },
  romanian: {
    male: ['Andrei', 'Alexandru', 'Ionut', 'Mihai', 'Florin', 'Gabriel', 'Marius', 'Adrian', 'Cristian', 'Daniel', 'Stefan', 'Vasile', 'Constantin', 'Bogdan', 'Catalin', 'Razvan', 'Sorin', 'Lucian', 'Ciprian', 'Nicolae', 'Alin', 'Claudiu', 'Cosmin', 'Costel', 'Dan', 'Darius', 'Dorin', 'Dragos', 'Emil', 'Eugen', 'Iulian', 'Laurentiu', 'Liviu', 'Marian', 'Octavian', 'Ovidiu', 'Petru', 'Radu', 'Robert', 'Sergiu', 'Silviu', 'Tudor', 'Valentin', 'Viorel', 'Vlad', 'Victor', 'Cezar', 'Paul', 'George', 'Ion'],
    female: ['Andreea', 'Elena', 'Ioana', 'Maria', 'Alexandra', 'Mihaela', 'Gabriela', 'Cristina', 'Roxana', 'Denisa', 'Bianca', 'Georgiana', 'Florentina', 'Larisa', 'Raluca', 'Adina', 'Alina', 'Anca', 'Carmen', 'Claudia', 'Corina', 'Daniela', 'Diana', 'Irina', 'Iulia', 'Laura', 'Loredana', 'Madalina', 'Monica', 'Nicoleta', 'Oana', 'Ramona', 'Simona', 'Teodora', 'Valentina'],
    family: ['Popescu', 'Ionescu', 'Popa', 'Pop', 'Radu', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Matei', 'Ciobanu', 'Rusu', 'Munteanu', 'Constantin', 'Lungu', 'Moldovan', 'Florea', 'Dinu', 'Marin', 'Tudor', 'Ene', 'Mocanu', 'Barbu', 'Nistor', 'Lazar', 'Cristea', 'Toma', 'Oprea', 'Sandu', 'Zamfir', 'Dragomir', 'Mihai', 'Nedelcu', 'Balan', 'Preda', 'Stanciu', 'Dobre', 'Enache', 'Neagu', 'Vasile', 'Diaconu', 'Ilie', 'Rosu', 'Anghel', 'Voicu', 'Nita', 'Stoian', 'Bucur', 'Serban', 'Dumitrescu', 'Georgescu', 'Stanescu', 'Constantinescu', 'Mihailescu', 'Ardeleanu', 'Avram', 'Badea', 'Bratu', 'Cazacu', 'Chiriac', 'Cojocaru', 'Craciun', 'Dinca', 'Filip', 'Grigore', 'Iordache', 'Manole', 'Mitrea', 'Moraru', 'Olteanu', 'Paraschiv', 'Petrescu', 'Sima', 'Surdu', 'Tanase', 'Toader', 'Ursu', 'Vlad', 'Zaharia', 'Ungureanu', 'Sarbu'],
    order: 'given-first',
    patronymic: false,
  },
  chinese: {
    male: CHINESE_MALE,
    female: CHINESE_FEMALE,
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Lin', 'Gao', 'Luo', 'Zheng', 'Liang', 'Xie', 'Song', 'Tang', 'Han', 'Feng', 'Deng', 'Cao', 'Peng', 'Zeng', 'Xiao', 'Tian', 'Dong', 'Pan', 'Yuan', 'Cai', 'Jiang', 'Yu', 'Du', 'Ye', 'Cheng', 'Wei', 'Su', 'Lu', 'Ding', 'Ren', 'Shen', 'Yao', 'Jin', 'Cui', 'Zou'],
    order: 'family-first',
    patronymic: false,
    spellings: { Zhang: ['Chang', 'Cheung'], Chen: ['Chan'], Wang: ['Wong'], Liu: ['Lau'], Zhou: ['Chow'], Xu: ['Hsu'] },
  },
  indian: {
    male: ['Arjun', 'Rahul', 'Amit', 'Vikram', 'Sanjay', 'Rajesh', 'Suresh', 'Harpreet', 'Gurpreet', 'Manpreet', 'Ravi', 'Deepak', 'Anil', 'Sunil', 'Vijay', 'Ajay', 'Karan', 'Rohit', 'Naveen', 'Prakash', 'Aditya', 'Akash', 'Alok', 'Anand', 'Arvind', 'Ashok', 'Bhavesh', 'Dinesh', 'Ganesh', 'Gaurav', 'Hardeep', 'Harjit', 'Jatinder', 'Jaswinder', 'Kuldeep', 'Mahesh', 'Manoj', 'Mukesh', 'Nikhil', 'Parminder', 'Pradeep', 'Rakesh', 'Ramesh', 'Sandeep', 'Sanjeev', 'Satish', 'Sukhwinder', 'Tarun', 'Varun', 'Yash'],
    female: ['Priya', 'Anjali', 'Pooja', 'Neha', 'Kavita', 'Sunita', 'Deepa', 'Simran', 'Jaspreet', 'Lakshmi', 'Amandeep', 'Anita', 'Asha', 'Divya', 'Geeta', 'Harleen', 'Jyoti', 'Kiran', 'Manjit', 'Meena', 'Nisha', 'Rani', 'Rekha', 'Ritu', 'Sapna', 'Seema', 'Shilpa', 'Sonia', 'Usha', 'Rupinder'],
    family: ['Singh', 'Kaur', 'Patel', 'Sharma', 'Kumar', 'Gupta', 'Reddy', 'Nair', 'Das', 'Shah', 'Joshi', 'Mehta', 'Verma', 'Rao', 'Iyer', 'Chopra', 'Malhotra', 'Bhatt', 'Pillai', 'Mishra', 'Agarwal', 'Ahluwalia', 'Bains', 'Banerjee', 'Bhatia', 'Chauhan', 'Desai', 'Dhillon', 'Gill', 'Grewal', 'Jain', 'Kapoor', 'Khanna', 'Mann', 'Menon', 'Pandey', 'Parmar', 'Rathore', 'Saini', 'Sandhu', 'Sethi', 'Sidhu', 'Sinha', 'Tiwari', 'Trivedi', 'Yadav', 'Chaudhary', 'Ansari', 'Qureshi', 'Butt', 'Malik', 'Hussain', 'Raja', 'Bhatti', 'Chaudhry'],
    order: 'given-first',
    patronymic: false,
  },
  polish: {
    male: ['Piotr', 'Krzysztof', 'Andrzej', 'Tomasz', 'Pawel', 'Michal', 'Marcin', 'Jakub', 'Kamil', 'Lukasz', 'Mateusz', 'Grzegorz', 'Adam', 'Dawid', 'Bartosz', 'Adrian', 'Aleksander', 'Artur', 'Bartlomiej', 'Damian', 'Dariusz', 'Dominik', 'Filip', 'Hubert', 'Jacek', 'Jan', 'Janusz', 'Jaroslaw', 'Jerzy', 'Kacper', 'Karol', 'Konrad', 'Krystian', 'Leszek', 'Maciej', 'Marek', 'Mariusz', 'Mikolaj', 'Norbert', 'Oskar', 'Patryk', 'Przemyslaw', 'Radoslaw', 'Rafal', 'Sebastian', 'Slawomir', 'Stanislaw', 'Szymon', 'Wiktor', 'Wojciech', 'Zbigniew', 'Sylwester', 'Tadeusz'],
    female: ['Anna', 'Katarzyna', 'Magdalena', 'Agnieszka', 'Joanna', 'Monika', 'Aleksandra', 'Natalia', 'Paulina', 'Ewa', 'Barbara', 'Beata', 'Dorota', 'Elzbieta', 'Iwona', 'Justyna', 'Karolina', 'Kinga', 'Marta', 'Martyna', 'Oliwia', 'Patrycja', 'Renata', 'Sylwia', 'Weronika', 'Wiktoria', 'Zuzanna', 'Julia', 'Emilia', 'Dominika'],
    family: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Kwiatkowski', 'Wojciechowski', 'Krawczyk', 'Kaczmarek', 'Piotrowski', 'Grabowski', 'Zając', 'Pawłowski', 'Michalski', 'Król', 'Wieczorek', 'Jabłoński', 'Wróbel', 'Nowakowski', 'Majewski', 'Olszewski', 'Stępień', 'Malinowski', 'Jaworski', 'Adamczyk', 'Dudek', 'Nowicki', 'Pawlak', 'Górski', 'Witkowski', 'Walczak', 'Sikora', 'Baran', 'Rutkowski', 'Michalak', 'Szewczyk', 'Ostrowski', 'Tomaszewski', 'Pietrzak', 'Zalewski', 'Wróblewski', 'Marciniak', 'Jasiński', 'Zawadzki', 'Bąk', 'Jakubowski', 'Sadowski', 'Duda', 'Włodarczyk', 'Wilk', 'Chmielewski', 'Borkowski', 'Sokołowski', 'Szczepański', 'Sawicki', 'Lis', 'Kucharski', 'Mazurek', 'Kubiak', 'Kalinowski', 'Wysocki', 'Maciejewski', 'Czarnecki', 'Kołodziej', 'Urbański', 'Kaźmierczak', 'Sobczak', 'Konieczny', 'Głowacki', 'Zakrzewski', 'Krajewski', 'Krupa', 'Laskowski', 'Ziółkowski', 'Gajewski', 'Mróz', 'Brzeziński', 'Szulc', 'Makowski', 'Przybylski', 'Kaczmarczyk', 'Borowski', 'Czerwiński', 'Baranowski', 'Szczepaniak', 'Wawrzyniak', 'Sobczyk', 'Kozak', 'Błaszczyk', 'Kowalewski', 'Cieślak'],
    order: 'given-first',
    patronymic: false,
  },
  nigerian: {
    male: ['Chinedu', 'Emeka', 'Oluwaseun', 'Tunde', 'Ibrahim', 'Chukwuma', 'Femi', 'Kelechi', 'Obinna', 'Segun', 'Uche', 'Yusuf', 'Adebayo', 'Ikenna', 'Babajide', 'Abdullahi', 'Aliyu', 'Chidi', 'Chibuike', 'Daniel', 'David', 'Ebuka', 'Emmanuel', 'Ifeanyi', 'Ikechukwu', 'Jide', 'Kayode', 'Kunle', 'Michael', 'Musa', 'Nnamdi', 'Olumide', 'Onyeka', 'Peter', 'Samuel', 'Sani', 'Tobi', 'Usman', 'Victor', 'Yemi', 'Godwin', 'Gbenga', 'Chukwudi'],
    female: ['Blessing', 'Chioma', 'Ngozi', 'Funmilayo', 'Adaeze', 'Aisha', 'Folake', 'Ifeoma', 'Precious', 'Joy', 'Abimbola', 'Amaka', 'Bukola', 'Chiamaka', 'Chinwe', 'Esther', 'Faith', 'Favour', 'Grace', 'Hauwa', 'Ijeoma', 'Kemi', 'Mercy', 'Nkechi', 'Ruth', 'Temitope', 'Titilayo', 'Uchenna', 'Yetunde'],
    family: ['Okafor', 'Adeyemi', 'Okonkwo', 'Eze', 'Bello', 'Ogunleye', 'Nwosu', 'Adebayo', 'Ibrahim', 'Olawale', 'Chukwu', 'Afolabi', 'Okeke', 'Balogun', 'Obi', 'Abubakar', 'Adeleke', 'Adewale', 'Ajayi', 'Akinola', 'Aliyu', 'Amadi', 'Anyanwu', 'Babatunde', 'Egwu', 'Ekwueme', 'Emenike', 'Ibekwe', 'Igwe', 'Nnaji', 'Nwachukwu', 'Nwankwo', 'Obiora', 'Odukoya', 'Ogbonna', 'Ojo', 'Okoro', 'Okoye', 'Olaniyan', 'Oni', 'Onuoha', 'Oyelaran', 'Salami', 'Uche', 'Udeh', 'Umeh', 'Usman', 'Yusuf', 'Adeniyi', 'Ogunbiyi', 'Akande', 'Okonji', 'Mbah', 'Ezeh'],
    order: 'given-first',
    patronymic: false,
  },
};

/** NRM referral nationality mix (Home Office Q4 2023: UK 27%, Albanian 19%, Vietnamese 6%, then a long tail). */
export const NATIONALITY_MIX: readonly { readonly alpha3: string; readonly weight: number; readonly tradition: string }[] = [
  { alpha3: 'GBR', weight: 27, tradition: 'british' },
  { alpha3: 'ALB', weight: 17, tradition: 'albanian' },
  { alpha3: 'VNM', weight: 6, tradition: 'vietnamese' },
  { alpha3: 'ERI', weight: 6, tradition: 'eritrean' },
  { alpha3: 'SDN', weight: 6, tradition: 'sudanese' },
  { alpha3: 'ROU', weight: 4, tradition: 'romanian' },
  { alpha3: 'CHN', weight: 3, tradition: 'chinese' },
  { alpha3: 'IND', weight: 3, tradition: 'indian' },
  { alpha3: 'AFG', weight: 4, tradition: 'persian' },
  { alpha3: 'IRN', weight: 3, tradition: 'persian' },
  { alpha3: 'IRQ', weight: 4, tradition: 'arabic' },
  { alpha3: 'SYR', weight: 2, tradition: 'arabic' },
  { alpha3: 'EGY', weight: 2, tradition: 'arabic' },
  { alpha3: 'ETH', weight: 2, tradition: 'eritrean' },
  { alpha3: 'POL', weight: 2, tradition: 'polish' },
  { alpha3: 'NGA', weight: 3, tradition: 'nigerian' },
  { alpha3: 'PAK', weight: 2, tradition: 'indian' },
  { alpha3: 'KWT', weight: 1, tradition: 'arabic' },
  { alpha3: 'BGD', weight: 1, tradition: 'indian' },
  { alpha3: 'LTU', weight: 2, tradition: 'polish' },
];
