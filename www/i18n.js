// Interface strings in English and Chinese. The interface follows the browser's language
// until the reader picks one with the switch (remembered in localStorage).
// `{name}` in a string is replaced by vars.name.

export const STRINGS = {
  en: {
    pageTitle: 'Article Summarizer',
    skip: 'Skip to the summarizer',
    title: 'Article Summarizer',
    tagline: 'Headline sentences, key figures and keywords, worked out on your device. Nothing is uploaded.',
    switchTo: '中文',
    switchLabel: '切换到中文界面',
    inputPanel: 'Choose an article',
    samplesHeading: 'Try a sample',
    fileHeading: 'Open files',
    fileLabel: 'Choose text files…',
    hint: '…or drop files anywhere on this page, or paste an article anywhere on it.',
    pasteLabel: 'Paste text',
    pastePlaceholder: 'Paste an article here…',
    summarize: 'Summarize',
    cancel: 'Cancel',
    progressLabel: 'Progress',
    docsHeading: 'Your articles',
    storiesHeading: 'Stories on this page',
    untitledStory: 'Untitled story {n}',
    mainStory: 'main story',
    takeAway: 'Take the summary away',
    copyText: 'Copy text',
    copyMarkdown: 'Copy Markdown',
    downloadJson: 'Download JSON',
    sentencesHeading: 'Headline sentences',
    lengthLegend: 'Summary length',
    short: 'Short',
    medium: 'Medium',
    long: 'Long',
    figuresHeading: 'Key figures',
    figuresEmpty: 'No key figures found.',
    allFigures: 'Every number in the article ({count})',
    keywordsHeading: 'Keywords',
    articleHeading: 'Article',
    articleText: 'Article text',
    privacy: 'Everything runs in this browser; no text leaves your device.',
    offlineReady: 'Ready to work offline.',
    dropOverlay: 'Drop files to summarize them',
    up: 'up',
    down: 'down',
    sampleSource: 'Sample article',
    pastedLabel: 'Pasted text',
    queued: 'waiting',
    working: 'working…',
    loading: 'Loading the summarizer…',
    ready: 'Ready. Pick a sample, open a file or paste text.',
    engineFailed: 'The summarizer engine could not be loaded. Reload the page or try again.',
    busy: 'Summarizing “{label}”…',
    busyMore: 'Summarizing “{label}” ({more} more waiting)…',
    reading: 'Reading “{label}”…',
    analyzing: 'Analyzing “{label}”…',
    rerank: 'Choosing {length} headline sentences…',
    seconds: '{n} s',
    percent: '{n}%',
    done: 'Summarized “{label}”: {sentences}, {figures}.',
    sentenceCount: '{n} headline sentence|{n} headline sentences',
    figureCount: '{n} key figure|{n} key figures',
    cancelled: 'Cancelled. The page is ready for another article.',
    noText: 'There is no text to summarize. Paste an article into the box first.',
    couldNot: 'Could not summarize “{label}”: {reason}',
    empty: 'the file is empty. Choose a file with text in it.',
    tooBig: 'the file is larger than 50 MB.',
    notText: '{raw} Choose a text, Markdown, HTML or Word file.',
    crash: 'the summarizer hit an internal error on this text ({detail}). It has been restarted: try again, or open another file.',
    crashed: 'The summarizer hit an internal error ({detail}) and has been restarted.',
    engineLoad: 'the summarizer engine could not be loaded. Reload the page or try again.',
    sampleFailed: 'the sample could not be loaded ({reason}).',
    samplesFailed: 'The sample articles could not be loaded.',
    copiedText: 'Copied the summary as plain text.',
    copiedMarkdown: 'Copied the summary as Markdown.',
    copyFailed: 'The browser did not allow copying. Select the text and copy it by hand.',
    downloaded: 'Saved “{file}”.',
    raw: '{raw}',
  },
  zh: {
    pageTitle: '文章摘要',
    skip: '跳到摘要工具',
    title: '文章摘要',
    tagline: '在你的设备上提取要点句、关键数字和关键词，不上传任何内容。',
    switchTo: 'English',
    switchLabel: 'Switch the interface to English',
    inputPanel: '选择文章',
    samplesHeading: '试试示例',
    fileHeading: '打开文件',
    fileLabel: '选择文本文件……',
    hint: '……也可以把文件拖到本页任意位置，或直接在本页粘贴文章。',
    pasteLabel: '粘贴文本',
    pastePlaceholder: '在此粘贴文章……',
    summarize: '生成摘要',
    cancel: '取消',
    progressLabel: '进度',
    docsHeading: '已打开的文章',
    storiesHeading: '本版文章',
    untitledStory: '无标题文章 {n}',
    mainStory: '主稿',
    takeAway: '带走摘要',
    copyText: '复制文本',
    copyMarkdown: '复制 Markdown',
    downloadJson: '下载 JSON',
    sentencesHeading: '要点句',
    lengthLegend: '摘要长度',
    short: '短',
    medium: '中',
    long: '长',
    figuresHeading: '数读',
    figuresEmpty: '未找到关键数字。',
    allFigures: '文中全部数字（{count}）',
    keywordsHeading: '关键词',
    articleHeading: '原文',
    articleText: '文章正文',
    privacy: '全部在本浏览器中运行，文字不会离开你的设备。',
    offlineReady: '已可离线使用。',
    dropOverlay: '松开即可生成摘要',
    up: '增长',
    down: '下降',
    sampleSource: '示例文章',
    pastedLabel: '粘贴的文本',
    queued: '等待中',
    working: '处理中…',
    loading: '正在加载摘要引擎……',
    ready: '就绪。选择示例、打开文件或粘贴文本。',
    engineFailed: '摘要引擎无法加载。请重新加载页面或再试一次。',
    busy: '正在摘要“{label}”……',
    busyMore: '正在摘要“{label}”（还有 {more} 篇等待）……',
    reading: '正在读取“{label}”……',
    analyzing: '正在分析“{label}”……',
    rerank: '正在选出{length}篇幅的要点句……',
    seconds: '{n} 秒',
    percent: '{n}%',
    done: '已完成“{label}”：{sentences}，{figures}。',
    sentenceCount: '{n} 个要点句',
    figureCount: '{n} 个关键数字',
    cancelled: '已取消。可以继续处理其他文章。',
    noText: '没有可摘要的文本。请先把文章粘贴到文本框中。',
    couldNot: '无法摘要“{label}”：{reason}',
    empty: '文件是空的，请选择有文字的文件。',
    tooBig: '文件超过 50 MB。',
    notText: '无法读取（{raw}）。请选择文本、Markdown、HTML 或 Word 文件。',
    crash: '摘要引擎处理这段文本时出错（{detail}），已自动重启。请再试一次，或打开其他文件。',
    crashed: '摘要引擎内部出错（{detail}），已自动重启。',
    engineLoad: '摘要引擎无法加载，请重新加载页面或再试一次。',
    sampleFailed: '示例无法加载（{reason}）。',
    samplesFailed: '示例文章无法加载。',
    copiedText: '已复制纯文本摘要。',
    copiedMarkdown: '已复制 Markdown 摘要。',
    copyFailed: '浏览器不允许复制。请选中文字后手动复制。',
    downloaded: '已保存“{file}”。',
    raw: '{raw}',
  },
};

const STORAGE_KEY = 'article-summarizer.lang';

/** The reader's choice if saved, else the browser's first language we speak. */
export function initialLanguage() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh') return saved;
  } catch {
    // storage may be off; follow the browser
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (base === 'zh') return 'zh';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export function saveLanguage(lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered; harmless
  }
}

/** Looks up `key` in `lang`; `a|b` strings are singular|plural by vars.n. */
export function translate(lang, key, vars = {}) {
  let s = STRINGS[lang]?.[key] ?? STRINGS.en[key] ?? key;
  if (s.includes('|')) {
    const [one, many] = s.split('|');
    s = Number(vars.n) === 1 ? one : many;
  }
  return s.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}
