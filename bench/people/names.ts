/** Synthetic but realistic people: common given names and surnames in both scripts. */
export const GIVEN: [string, string][] = [
  ['Ramesh', 'रमेश'], ['Suresh', 'सुरेश'], ['Mahesh', 'महेश'], ['Sunita', 'सुनीता'], ['Anita', 'अनीता'], ['Mehtab', 'मेहताब'],
  ['Mohammad', 'मोहम्मद'], ['Ajay', 'अजय'], ['Vijay', 'विजय'], ['Priya', 'प्रिया'], ['Pooja', 'पूजा'], ['Rahul', 'राहुल'],
  ['Amit', 'अमित'], ['Sanjay', 'संजय'], ['Rekha', 'रेखा'], ['Geeta', 'गीता'], ['Imran', 'इमरान'], ['Salma', 'सलमा'],
  ['Arjun', 'अर्जुन'], ['Kavita', 'कविता'], ['Deepak', 'दीपक'], ['Manoj', 'मनोज'], ['Neha', 'नेहा'], ['Shivraj', 'शिवराज'],
  ['Lakshmi', 'लक्ष्मी'], ['Anil', 'अनिल'], ['Sunil', 'सुनील'], ['Rajesh', 'राजेश'], ['Kiran', 'किरण'], ['Asha', 'आशा'],
  ['Farhan', 'फरहान'], ['Nasreen', 'नसरीन'], ['Gurpreet', 'गुरप्रीत'], ['Harish', 'हरीश'], ['Jyoti', 'ज्योति'], ['Krishna', 'कृष्णा'],
  ['Om Prakash', 'ओम प्रकाश'], ['Ram Kumar', 'राम कुमार'], ['Savitri', 'सावित्री'], ['Yogesh', 'योगेश'],
];
export const SURNAME: [string, string][] = [
  ['Sharma', 'शर्मा'], ['Verma', 'वर्मा'], ['Singh', 'सिंह'], ['Yadav', 'यादव'], ['Chauhan', 'चौहान'], ['Ansari', 'अंसारी'],
  ['Tyagi', 'त्यागी'], ['Gupta', 'गुप्ता'], ['Kumar', 'कुमार'], ['Devi', 'देवी'], ['Qasmi', 'कासमी'], ['Mishra', 'मिश्रा'],
  ['Patel', 'पटेल'], ['Jatav', 'जाटव'], ['Saini', 'सैनी'], ['Pal', 'पाल'], ['Khan', 'खान'], ['Rana', 'राणा'], ['Tomar', 'तोमर'],
  ['Agarwal', 'अग्रवाल'], ['Pandey', 'पांडेय'], ['Tiwari', 'तिवारी'], ['Dubey', 'दुबे'], ['Rajput', 'राजपूत'], ['Kashyap', 'कश्यप'],
  ['Prajapati', 'प्रजापति'], ['Maurya', 'मौर्य'], ['Nishad', 'निषाद'], ['Bind', 'बिंद'], ['Siddiqui', 'सिद्दीकी'],
];
/** The i-th person's names: deterministic, ~1,200 name pairs, and a middle initial spread to vary keys. */
export const personName = (i: number): [string, string] => {
  const g = GIVEN[i % GIVEN.length] as [string, string];
  const s = SURNAME[Math.floor(i / GIVEN.length) % SURNAME.length] as [string, string];
  return [`${g[0]} ${s[0]}`, `${g[1]} ${s[1]}`];
};
