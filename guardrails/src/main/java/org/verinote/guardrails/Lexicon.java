package org.verinote.guardrails;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in vocabularies: clinical synonyms and abbreviations, words that carry no clinical claim, common
 * medications. Keys are stored in the {@link Tokenizer#normalizeWord(String) normalised} form so that note and
 * transcript meet in one vocabulary. Immutable.
 */
final class Lexicon {

  /** Longest synonym phrase, in tokens. */
  static final int MAX_PHRASE = 4;

  /** phrase (normalised tokens joined by a space) → canonical terms. */
  static final Map<String, List<String>> SYNONYMS;

  /** First normalised word of every synonym phrase: most words start none, and skip the phrase lookups. */
  static final Set<String> SYNONYM_STARTS;

  /** Function words and note boilerplate: not claims, never counted for or against support. */
  static final Set<String> STOP;

  /** Common medication names (generic and brand), normalised. */
  static final Set<String> MEDICATIONS;

  private static final String[][] SYNONYM_TABLE = {
      {"bp", "blood pressure"}, {"blood pressures", "blood pressure"}, {"hr", "heart rate"},
      {"pulse", "heart rate"}, {"rr", "respiratory rate"}, {"temp", "temperature"},
      {"spo2", "oxygen saturation"}, {"o2 sat", "oxygen saturation"}, {"pulse ox", "oxygen saturation"},
      {"sat", "oxygen saturation"}, {"saturation", "oxygen saturation"}, {"sob", "shortness of breath"},
      {"short of breath", "shortness of breath"}, {"dyspnea", "shortness of breath"},
      {"trouble breathing", "shortness of breath"}, {"htn", "hypertension"},
      {"high blood pressure", "hypertension"}, {"dm", "diabetes"}, {"diabetes mellitus", "diabetes"},
      {"diabetic", "diabetes"}, {"t2dm", "type 2 diabetes"}, {"chf", "congestive heart failure"},
      {"cad", "coronary artery disease"}, {"copd", "chronic obstructive pulmonary disease"},
      {"mi", "heart attack"}, {"myocardial infarction", "heart attack"}, {"a fib", "afib"},
      {"atrial fibrillation", "afib"}, {"gerd", "reflux"}, {"acid reflux", "reflux"},
      {"heartburn", "reflux"}, {"uti", "urinary tract infection"}, {"uri", "upper respiratory infection"},
      {"ecg", "ekg"}, {"electrocardiogram", "ekg"}, {"x ray", "xray"}, {"x-ray", "xray"}, {"cxr", "chest xray"},
      {"cat scan", "ct"}, {"echo", "echocardiogram"}, {"abx", "antibiotic"}, {"po", "by mouth"},
      {"orally", "by mouth"}, {"bid", "twice daily"}, {"twice a day", "twice daily"},
      {"two times a day", "twice daily"}, {"tid", "three times daily"}, {"three times a day", "three times daily"},
      {"qid", "four times daily"}, {"qd", "daily"}, {"once a day", "daily"}, {"once daily", "daily"},
      {"every day", "daily"}, {"a day", "daily"}, {"per day", "daily"}, {"prn", "as needed"},
      {"qhs", "at bedtime"}, {"milligram", "mg"}, {"milligrams", "mg"}, {"mgs", "mg"}, {"microgram", "mcg"},
      {"micrograms", "mcg"}, {"milliliter", "ml"}, {"milliliters", "ml"}, {"cc", "ml"}, {"lbs", "pound"},
      {"lb", "pound"}, {"kilogram", "kg"}, {"kilograms", "kg"}, {"kilo", "kg"}, {"kilos", "kg"},
      {"yo", "year old"}, {"y o", "year old"}, {"%", "percent"}, {"per cent", "percent"},
      {"hba1c", "a1c"}, {"hemoglobin a1c", "a1c"}, {"febrile", "fever"}, {"pyrexia", "fever"},
      {"fevers", "fever"}, {"emesis", "vomiting"}, {"vomit", "vomiting"}, {"throwing up", "vomiting"},
      {"threw up", "vomiting"}, {"cephalgia", "headache"}, {"edema", "swelling"}, {"swollen", "swelling"},
      {"fatigue", "tired"}, {"tiredness", "tired"}, {"fatigued", "tired"}, {"syncope", "passing out"},
      {"pass out", "passing out"}, {"passed out", "passing out"}, {"lightheaded", "dizzy"}, {"lightheadedness", "dizzy"},
      {"light headedness", "dizzy"}, {"calves", "calf"}, {"feet", "foot"},
      {"light headed", "dizzy"}, {"dizziness", "dizzy"}, {"stomach", "abdominal"}, {"belly", "abdominal"},
      {"tummy", "abdominal"}, {"abdomen", "abdominal"}, {"hyperlipidemia", "high cholesterol"},
      {"dyslipidemia", "high cholesterol"}, {"ed", "emergency"}, {"er", "emergency"},
      {"emergency room", "emergency"}, {"emergency department", "emergency"}, {"f u", "follow up"},
      {"followup", "follow up"}, {"follow-up", "follow up"}, {"rtc", "follow up"}, {"pt", "physical therapy"},
      {"covid 19", "covid"}, {"covid-19", "covid"}, {"coronavirus", "covid"}, {"sars cov 2", "covid"},
      {"nsaid", "anti inflammatory"}, {"nsaids", "anti inflammatory"}, {"antiinflammatory", "anti inflammatory"},
      {"tylenol", "acetaminophen"}, {"advil", "ibuprofen"}, {"motrin", "ibuprofen"}, {"aleve", "naproxen"},
      {"lasix", "furosemide"}, {"glucophage", "metformin"}, {"norvasc", "amlodipine"}, {"zocor", "simvastatin"},
      {"lipitor", "atorvastatin"}, {"crestor", "rosuvastatin"}, {"coumadin", "warfarin"},
      {"zestril", "lisinopril"}, {"prinivil", "lisinopril"}, {"synthroid", "levothyroxine"},
      {"flonase", "fluticasone"}, {"prilosec", "omeprazole"}, {"protonix", "pantoprazole"},
      {"zoloft", "sertraline"}, {"lexapro", "escitalopram"}, {"prozac", "fluoxetine"}, {"flexeril", "cyclobenzaprine"},
      {"neurontin", "gabapentin"}, {"toprol", "metoprolol"}, {"lopressor", "metoprolol"}, {"keflex", "cephalexin"},
      {"augmentin", "amoxicillin clavulanate"}, {"zithromax", "azithromycin"}, {"z pack", "azithromycin"},
      {"plavix", "clopidogrel"}, {"eliquis", "apixaban"}, {"xarelto", "rivaroxaban"}, {"ozempic", "semaglutide"},
      {"jardiance", "empagliflozin"}, {"farxiga", "dapagliflozin"}, {"januvia", "sitagliptin"},
      {"lantus", "insulin glargine"}, {"humalog", "insulin lispro"}, {"singulair", "montelukast"},
      {"albuterol inhaler", "albuterol"}, {"proventil", "albuterol"}, {"ventolin", "albuterol"},
      {"medrol", "methylprednisolone"}, {"ultram", "tramadol"}, {"mobic", "meloxicam"}, {"imitrex", "sumatriptan"},
      {"cardiac", "heart"}, {"pulmonary", "lung"}, {"renal", "kidney"}, {"hepatic", "liver"},
      {"bilaterally", "bilateral"}, {"both sides", "bilateral"}, {"extremity", "leg"}, {"extremities", "leg"},
      {"lower extremities", "leg"}, {"lower extremity", "leg"}, {"legs", "leg"}, {"mammography", "mammogram"},
      {"colonoscopy", "colonoscopy"}, {"physical examination", "exam"}, {"examination", "exam"},
      {"tachycardic", "tachycardia"}, {"bradycardic", "bradycardia"}, {"hypertensive", "hypertension"},
      {"depressed", "depression"}, {"anxious", "anxiety"}, {"nauseous", "nausea"}, {"nauseated", "nausea"},
      {"ambulate", "walk"}, {"ambulating", "walk"}, {"ambulation", "walk"}, {"p o", "by mouth"},
      {"yrs", "year"}, {"yr", "year"}, {"wks", "week"}, {"wk", "week"}, {"mos", "month"}, {"hrs", "hour"},
      {"mins", "minute"}, {"min", "minute"}, {"approximately", "about"}, {"approx", "about"},
      {"lost", "loss"}, {"losing", "loss"}, {"lose", "loss"}, {"gained", "gain"}, {"gaining", "gain"},
      {"worse", "worsen"}, {"worsening", "worsen"}, {"exacerbated", "worsen"}, {"exacerbates", "worsen"},
      {"exacerbate", "worsen"}, {"aggravated", "worsen"}, {"aggravates", "worsen"}, {"better", "improve"},
      {"improved", "improve"}, {"improves", "improve"}, {"improving", "improve"}, {"alleviated", "improve"},
      {"alleviates", "improve"}, {"relieved", "improve"}, {"relieves", "improve"}, {"helps", "improve"},
      {"helped", "improve"}, {"helpful", "improve"}, {"beneficial", "improve"}, {"smoker", "smoke"},
      {"smoking", "smoke"}, {"smokes", "smoke"}, {"tobacco", "smoke"}, {"cigarettes", "smoke"},
      {"alcohol", "drink"}, {"drinking", "drink"}, {"drinks", "drink"}, {"etoh", "drink"},
      {"medication", "medicine"}, {"medications", "medicine"}, {"meds", "medicine"}, {"med", "medicine"},
      {"physician", "doctor"}, {"provider", "doctor"}, {"pcp", "primary care"}, {"radiograph", "xray"},
      {"radiographs", "xray"}, {"radiographic", "xray"}, {"x-rays", "xray"}, {"xrays", "xray"},
      {"dysphagia", "swallow"}, {"swallowing", "swallow"}, {"diaphoresis", "sweat"}, {"sweaty", "sweat"},
      {"diaphoretic", "sweat"}, {"sweating", "sweat"}, {"insomnia", "sleep"}, {"sleeping", "sleep"},
      {"ecchymosis", "bruise"}, {"bruising", "bruise"}, {"erythema", "red"}, {"erythematous", "red"},
      {"redness", "red"}, {"tenderness", "tender"}, {"pain", "pain"}, {"painful", "pain"}, {"hurts", "pain"},
      {"hurt", "pain"}, {"hurting", "pain"}, {"ache", "pain"}, {"aching", "pain"}, {"sore", "pain"},
      {"soreness", "pain"}, {"discomfort", "pain"}, {"numbness", "numb"}, {"tingling", "tingle"},
      {"paresthesia", "tingle"}, {"paresthesias", "tingle"}, {"weakness", "weak"}, {"rhinorrhea", "runny nose"},
      {"congested", "congestion"}, {"stuffy", "congestion"}, {"cough", "cough"}, {"coughing", "cough"},
      {"urination", "urinate"}, {"urinating", "urinate"}, {"peeing", "urinate"}, {"pee", "urinate"},
      {"hematuria", "blood urine"}, {"pregnant", "pregnancy"}, {"weekly", "week"}, {"monthly", "month"},
      {"hematochezia", "blood stool"}, {"bloody stool", "blood stool"}, {"bloody stools", "blood stool"},
      {"hematemesis", "vomiting blood"}, {"dysuria", "pain urinate"},
      {"adenopathy", "lymph node"}, {"lymphadenopathy", "lymph node"}, {"menorrhagia", "heavy period"},
      {"dysarthria", "slurred speech"}, {"palpitation", "heart racing"}, {"palpitations", "heart racing"},
      {"racing heart", "heart racing"}, {"fainting", "passing out"}, {"fainted", "passing out"},
      {"loss of consciousness", "passing out"}, {"lose consciousness", "passing out"},
      {"lost consciousness", "passing out"}, {"losing consciousness", "passing out"}, {"loc", "passing out"}, {"cva", "stroke"},
      {"cerebrovascular accident", "stroke"}, {"std", "sexually transmitted"}, {"stds", "sexually transmitted"},
      {"sti", "sexually transmitted"}, {"stis", "sexually transmitted"}, {"polydipsia", "thirsty"},
      {"thirst", "thirsty"}, {"tinnitus", "ringing ear"}, {"arthralgia", "joint pain"},
      {"arthralgias", "joint pain"}, {"myalgia", "muscle pain"}, {"myalgias", "muscle pain"},
      {"otalgia", "ear pain"}, {"odynophagia", "pain swallow"}, {"pruritus", "itch"}, {"itching", "itch"},
      {"itchy", "itch"}, {"itchiness", "itch"}, {"epistaxis", "nosebleed"},
      {"nose bleed", "nosebleed"}, {"nosebleeds", "nosebleed"}, {"diplopia", "double vision"},
      {"sexually active", "sex"}, {"sexual activity", "sex"}, {"sexual activities", "sex"},
      {"breathlessness", "shortness of breath"}, {"breathless", "shortness of breath"},
      {"loose stool", "diarrhea"}, {"loose stools", "diarrhea"}, {"constipated", "constipation"},
      {"hoarseness", "hoarse"}, {"leaking", "leak"}, {"leakage", "leak"},
      {"spontaneous abortion", "miscarriage"}, {"spontaneous abortions", "miscarriage"},
      {"allergic", "allergy"}, {"annually", "year"}, {"annual", "year"}, {"yearly", "year"}, {"daily", "daily"}, {"nightly", "night"},
  };

  private static final String STOP_WORDS = "a an the and or of to in on for with is are was were be been being it its"
      + " that this these those he she they him his her hers them their i me my you your we our us at as by from"
      + " has have had do does did doing so but if then than there here also just very really quite any some all"
      + " about into over under up down out off again more most other such only own same too can could will would"
      + " shall should may might must not no nor yes um uh okay ok oh well like kind sort thing things stuff lot"
      + " patient patients pt reports reported report states stated state notes noted note says said tells told"
      + " endorses endorsed describes described mentions mentioned feels felt feel continues continue continued"
      + " today currently current recently recent now still since which who whom what when where why how while"
      + " during after before because per via due mr mrs ms dr doctor history medical presents presented"
      + " present plan plans planned reasoning treatment additional testing education counseling agreements"
      + " agreement understands understand agrees agree agreed recommended recommend recommendation discussed"
      + " discuss questions question answered reviewed review regarding regard given gives give will going go"
      + " get got getting make made take taking took evaluation evaluate assessment follow-up otherwise please"
      + " let know want wanted need needs needed see seen saw visit today's being doe would've gonna wanna"
      + " yeah yep alright right sure good great nice fine back around time times one"
      + " constitutional gastrointestinal cardiovascular respiratory musculoskeletal neurological neurologic"
      + " psychiatric integumentary skin ears nose mouth throat eyes genitourinary endocrine hematologic"
      + " lymphatic allergic immunologic heme lymph ent heent neuro psych msk gi gu cv vitals vital sign signs"
      + " positive negative non exam findings finding result results reveal reveals revealed demonstrate"
      + " demonstrates demonstrated show shows showed significant notable remarkable documented document"
      + " risks risk benefits benefit alternatives alternative options option discussion lengthy wish wishes"
      + " provided copy reference regards terms form mentioned admits admit denies deny denied endorse"
      + " complains complaint complaints chief problem problems issue issues concern concerns including include"
      + " includes consistent appears appear likely possible secondary status post";

  private static final String MEDICATION_NAMES = "acetaminophen ibuprofen naproxen aspirin melatonin lisinopril"
      + " losartan valsartan irbesartan olmesartan enalapril ramipril benazepril amlodipine nifedipine diltiazem"
      + " verapamil metoprolol atenolol carvedilol propranolol labetalol bisoprolol hydrochlorothiazide chlorthalidone"
      + " furosemide torsemide bumetanide spironolactone eplerenone metformin glipizide glyburide glimepiride"
      + " sitagliptin linagliptin empagliflozin dapagliflozin canagliflozin semaglutide liraglutide dulaglutide"
      + " tirzepatide insulin glargine lispro aspart detemir atorvastatin simvastatin rosuvastatin pravastatin"
      + " lovastatin ezetimibe fenofibrate gemfibrozil warfarin apixaban rivaroxaban dabigatran edoxaban heparin"
      + " enoxaparin clopidogrel ticagrelor prasugrel levothyroxine methimazole propylthiouracil omeprazole"
      + " pantoprazole esomeprazole lansoprazole famotidine ranitidine ondansetron metoclopramide sertraline"
      + " escitalopram citalopram fluoxetine paroxetine venlafaxine duloxetine bupropion mirtazapine trazodone"
      + " amitriptyline nortriptyline buspirone alprazolam lorazepam clonazepam diazepam zolpidem quetiapine"
      + " olanzapine risperidone aripiprazole lithium lamotrigine levetiracetam valproate topiramate gabapentin"
      + " pregabalin carbamazepine phenytoin cyclobenzaprine methocarbamol tizanidine baclofen tramadol oxycodone"
      + " hydrocodone morphine codeine hydromorphone fentanyl buprenorphine naloxone methadone meloxicam"
      + " celecoxib diclofenac indomethacin ketorolac prednisone prednisolone methylprednisolone dexamethasone"
      + " hydrocortisone fluticasone budesonide mometasone montelukast albuterol ipratropium tiotropium"
      + " salmeterol formoterol amoxicillin clavulanate ampicillin penicillin cephalexin cefdinir ceftriaxone"
      + " cefuroxime azithromycin clarithromycin doxycycline minocycline ciprofloxacin levofloxacin moxifloxacin"
      + " nitrofurantoin trimethoprim sulfamethoxazole bactrim clindamycin metronidazole vancomycin linezolid"
      + " fluconazole nystatin terbinafine acyclovir valacyclovir oseltamivir sumatriptan rizatriptan"
      + " allopurinol colchicine febuxostat tamsulosin finasteride sildenafil tadalafil oxybutynin donepezil"
      + " memantine levodopa carbidopa ropinirole pramipexole methotrexate hydroxychloroquine adalimumab"
      + " etanercept infliximab loratadine cetirizine fexofenadine diphenhydramine hydroxyzine meclizine"
      + " promethazine estradiol progesterone medroxyprogesterone testosterone alendronate calcitriol"
      + " ergocalciferol cyanocobalamin ferrous folic potassium magnesium nitroglycerin isosorbide hydralazine"
      + " clonidine digoxin amiodarone sotalol flecainide mupirocin triamcinolone clobetasol ketoconazole"
      + " lidocaine naltrexone varenicline nicotine sucralfate bisacodyl docusate senna polyethylene loperamide"
      + " dicyclomine mesalamine";

  static {
    Map<String, List<String>> syn = new HashMap<>();
    for (String[] row : SYNONYM_TABLE) {
      syn.put(normPhrase(row[0]), words(row[1]));
    }
    SYNONYMS = Map.copyOf(syn);
    Set<String> starts = new HashSet<>();
    for (String k : syn.keySet()) {
      starts.add(k.indexOf(' ') < 0 ? k : k.substring(0, k.indexOf(' ')));
    }
    SYNONYM_STARTS = Set.copyOf(starts);
    Set<String> stop = new HashSet<>();
    for (String w : STOP_WORDS.split(" ")) {
      stop.add(Tokenizer.normalizeWord(w));
    }
    STOP = Set.copyOf(stop);
    Set<String> meds = new HashSet<>();
    for (String w : MEDICATION_NAMES.split(" ")) {
      meds.add(Tokenizer.normalizeWord(w));
    }
    for (String[] row : SYNONYM_TABLE) {
      List<String> target = words(row[1]);
      if (target.size() >= 1 && meds.contains(target.get(0))) {
        meds.add(normPhrase(row[0]));
      }
    }
    MEDICATIONS = Set.copyOf(meds);
  }

  private Lexicon() {}

  static String normPhrase(String phrase) {
    List<String> out = new ArrayList<>();
    for (Tok t : Tokenizer.tokenize(phrase)) {
      out.add(t.norm());
    }
    return String.join(" ", out);
  }

  private static List<String> words(String phrase) {
    List<String> out = new ArrayList<>();
    for (Tok t : Tokenizer.tokenize(phrase)) {
      out.add(t.norm());
    }
    return List.copyOf(out);
  }
}
