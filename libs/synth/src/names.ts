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
    female: ['Anila', 'Arta', 'Besa', 'Blerina', 'Dorina', 'Elira', 'Enkeleda', 'Fjolla', 'Gentiana', 'Jonida', 'Klea', 'Liridona', 'Mimoza', 'Rina', 'Sara', 'Teuta', 'Valbona', 'Xhesika', 'Alketa', 'Ermira'],
    family: ['Hoxha', 'Shehu', 'Gashi', 'Krasniqi', 'Berisha', 'Kola', 'Leka', 'Marku', 'Dervishi', 'Cela', 'Hysa', 'Basha', 'Lika', 'Prifti', 'Meta', 'Rama', 'Dushku', 'Gjoka', 'Hasani', 'Kurti', 'Mema', 'Ndoja', 'Rexha', 'Sulaj', 'Tafa', 'Zeneli', 'Bajrami', 'Duka', 'Frashëri', 'Gjeçi', 'Hajdari', 'Ismaili', 'Kapllani', 'Lleshi', 'Muça', 'Qosja', 'Shkurti', 'Toska', 'Vata', 'Xhafa', 'Çela', 'Dibra', 'Elezi', 'Ferati', 'Gega', 'Halili', 'Kastrati', 'Luli', 'Malaj', 'Nika', 'Abazi', 'Ahmeti', 'Alia', 'Bardhi', 'Bega', 'Bushati', 'Cani', 'Deda', 'Doda', 'Gjini', 'Hoti', 'Isufi', 'Kadiu', 'Kelmendi', 'Koci', 'Koka', 'Lami', 'Mehmeti', 'Mucaj', 'Murati', 'Nuri', 'Pllumi', 'Qerimi', 'Ramadani', 'Selimi', 'Shala', 'Tahiri', 'Uka', 'Veliu', 'Zeqiri'],
    order: 'given-first',
    patronymic: false,
    spellings: { Xhesika: ['Jessica', 'Xhessika'], Jurgen: ['Jurgena'], Erion: ['Erjon'], Cela: ['Çela', 'Cella'], Hoxha: ['Hoxhaj', 'Hoxa'] },
  },
  vietnamese: {
    male: ['Van Nam', 'Van Hung', 'Duc Anh', 'Minh Tuan', 'Quang Huy', 'Van Long', 'Thanh Tung', 'Van Thanh', 'Duc Minh', 'Hoang Long', 'Van Duc', 'Tien Dung', 'Van Tai', 'Quoc Bao', 'Minh Khoa', 'Van Hieu', 'Dinh Phuc', 'Huu Nghia', 'Cong Vinh', 'Trung Kien', 'Van Khanh', 'Van Son', 'Van Quyet', 'Duc Thang', 'Minh Hieu', 'Quang Vinh', 'Thanh Hai', 'Van Toan', 'Xuan Truong', 'Hoang Nam', 'Tuan Anh', 'Van Loc', 'Manh Cuong', 'Ngoc Hai', 'Van Binh'],
    female: ['Thi Lan', 'Thi Hoa', 'Thi Mai', 'Thi Huong', 'Ngoc Anh', 'Thu Trang', 'Thi Ha', 'Thi Linh', 'Phuong Thao', 'Thi Nga', 'Thanh Huyen', 'Thi Thu', 'Minh Chau', 'Thi Yen', 'Bich Ngoc'],
    family: ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trịnh', 'Trương'],
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
    male: ['Mohammed', 'Ahmed', 'Ali', 'Omar', 'Hassan', 'Hussein', 'Khalid', 'Mustafa', 'Yousef', 'Ibrahim', 'Mahmoud', 'Tariq', 'Karim', 'Bilal', 'Hamza', 'Rami', 'Samir', 'Walid', 'Ziad', 'Nabil'],
    female: ['Fatima', 'Aisha', 'Mariam', 'Noor', 'Layla', 'Huda', 'Rania', 'Dina', 'Sara', 'Zainab'],
    family: ['Al-Ahmad', 'Hussein', 'Abbas', 'Hassan', 'Ibrahim', 'Khalil', 'Mahmoud', 'Mansour', 'Nasser', 'Othman', 'Rashid', 'Saleh', 'Yassin', 'Al-Hashimi', 'Jaber', 'Haddad', 'Khoury', 'Darwish', 'Aziz', 'Barakat', 'Hamdan', 'Kareem', 'Salem', 'Taha', 'Zaki'],
    order: 'given-first',
    patronymic: false,
    spellings: ARABIC_SPELLINGS,
  },
  persian: {
    male: ['Ahmad', 'Mohammad', 'Ali', 'Reza', 'Hamid', 'Farid', 'Jawad', 'Mustafa', 'Nasir', 'Rahim', 'Sayed', 'Zabiullah', 'Hamed', 'Mehdi', 'Amir', 'Omid', 'Karim', 'Shafiq', 'Habib', 'Wahid'],
    female: ['Maryam', 'Zahra', 'Fatemeh', 'Parisa', 'Shirin', 'Mina', 'Nazanin', 'Sahar', 'Leila', 'Roya'],
    family: ['Ahmadi', 'Mohammadi', 'Hosseini', 'Rahimi', 'Karimi', 'Hashimi', 'Sultani', 'Noori', 'Amiri', 'Rezaei', 'Jafari', 'Sadat', 'Haidari', 'Azizi', 'Popal', 'Safi', 'Stanikzai', 'Wardak', 'Yousufzai', 'Zahiri'],
    order: 'given-first',
    patronymic: false,
    spellings: { Mohammad: ['Mohammed', 'Muhammad', 'Mohamad'], Hosseini: ['Husseini', 'Hosaini'], Sayed: ['Said', 'Sayyed'], Zabiullah: ['Zabihullah'] },
  },
  romanian: {
    male: ['Andrei', 'Alexandru', 'Ionut', 'Mihai', 'Florin', 'Gabriel', 'Marius', 'Adrian', 'Cristian', 'Daniel', 'Stefan', 'Vasile', 'Constantin', 'Bogdan', 'Catalin', 'Razvan', 'Sorin', 'Lucian', 'Ciprian', 'Nicolae'],
    female: ['Andreea', 'Elena', 'Ioana', 'Maria', 'Alexandra', 'Mihaela', 'Gabriela', 'Cristina', 'Roxana', 'Denisa', 'Bianca', 'Georgiana', 'Florentina', 'Larisa', 'Raluca'],
    family: ['Popescu', 'Ionescu', 'Popa', 'Pop', 'Radu', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Matei', 'Ciobanu', 'Rusu', 'Munteanu', 'Constantin', 'Lungu', 'Moldovan', 'Florea', 'Dinu', 'Marin', 'Tudor', 'Ene', 'Mocanu', 'Barbu', 'Nistor', 'Lazar', 'Cristea', 'Toma', 'Oprea', 'Sandu', 'Zamfir', 'Dragomir', 'Mihai', 'Nedelcu', 'Balan', 'Preda'],
    order: 'given-first',
    patronymic: false,
  },
  chinese: {
    male: ['Wei', 'Jun', 'Hao', 'Lei', 'Jian', 'Ming', 'Qiang', 'Tao', 'Yong', 'Bin', 'Chao', 'Gang', 'Jie', 'Long', 'Peng', 'Xin', 'Yang', 'Zhen'],
    female: ['Fang', 'Li', 'Na', 'Xiu Ying', 'Min', 'Jing', 'Yan', 'Hui', 'Xia', 'Ying', 'Mei', 'Lan', 'Hong', 'Juan'],
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Lin', 'Gao', 'Luo', 'Zheng', 'Liang'],
    order: 'family-first',
    patronymic: false,
    spellings: { Zhang: ['Chang', 'Cheung'], Chen: ['Chan'], Wang: ['Wong'], Liu: ['Lau'], Zhou: ['Chow'], Xu: ['Hsu'] },
  },
  indian: {
    male: ['Arjun', 'Rahul', 'Amit', 'Vikram', 'Sanjay', 'Rajesh', 'Suresh', 'Harpreet', 'Gurpreet', 'Manpreet', 'Ravi', 'Deepak', 'Anil', 'Sunil', 'Vijay', 'Ajay', 'Karan', 'Rohit', 'Naveen', 'Prakash'],
    female: ['Priya', 'Anjali', 'Pooja', 'Neha', 'Kavita', 'Sunita', 'Deepa', 'Simran', 'Jaspreet', 'Lakshmi'],
    family: ['Singh', 'Kaur', 'Patel', 'Sharma', 'Kumar', 'Gupta', 'Reddy', 'Nair', 'Das', 'Shah', 'Joshi', 'Mehta', 'Verma', 'Rao', 'Iyer', 'Chopra', 'Malhotra', 'Bhatt', 'Pillai', 'Mishra'],
    order: 'given-first',
    patronymic: false,
  },
  polish: {
    male: ['Piotr', 'Krzysztof', 'Andrzej', 'Tomasz', 'Pawel', 'Michal', 'Marcin', 'Jakub', 'Kamil', 'Lukasz', 'Mateusz', 'Grzegorz', 'Adam', 'Dawid', 'Bartosz'],
    female: ['Anna', 'Katarzyna', 'Magdalena', 'Agnieszka', 'Joanna', 'Monika', 'Aleksandra', 'Natalia', 'Paulina', 'Ewa'],
    family: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Kwiatkowski'],
    order: 'given-first',
    patronymic: false,
  },
  nigerian: {
    male: ['Chinedu', 'Emeka', 'Oluwaseun', 'Tunde', 'Ibrahim', 'Chukwuma', 'Femi', 'Kelechi', 'Obinna', 'Segun', 'Uche', 'Yusuf', 'Adebayo', 'Ikenna', 'Babajide'],
    female: ['Blessing', 'Chioma', 'Ngozi', 'Funmilayo', 'Adaeze', 'Aisha', 'Folake', 'Ifeoma', 'Precious', 'Joy'],
    family: ['Okafor', 'Adeyemi', 'Okonkwo', 'Eze', 'Bello', 'Ogunleye', 'Nwosu', 'Adebayo', 'Ibrahim', 'Olawale', 'Chukwu', 'Afolabi', 'Okeke', 'Balogun', 'Obi'],
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
